using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Products.Report;

/// Saves a shopper's report on a published listing for staff to check. Nothing about the reporter
/// is kept with it; their address only counts, for a day, towards the per-listing limit, so one
/// person cannot bury a listing in reports.
public sealed class ReportListingCommand(
    AppDbContext db, PostgresRateLimiter limiter, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<ReportListingCommand> logger)
{
    public async Task<CommandResult> RunAsync(ReportedProduct product, ReportListingForm form, IPAddress? address, CancellationToken cancellationToken)
    {
        if (form.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            return CommandResult.Invalid("Input.Reason", text["Pilih alasan laporan dari daftar."]);
        }
        var details = string.IsNullOrWhiteSpace(form.Details) ? null : form.Details.Trim();
        if (details?.Length > ListingReport.DetailsMaxLength)
        {
            return CommandResult.Invalid("Input.Details", text["Keterangan paling banyak {0} karakter.", ListingReport.DetailsMaxLength]);
        }
        if (!await ProductCard.Visible(db.Products).AnyAsync(p => p.Id == product.Id, cancellationToken))
        {
            return CommandResult.NotFound;
        }
        var key = RateLimitKeys.ForAddress(address) + "|product:" + product.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!(await limiter.HitAsync(RateLimitBuckets.ListingReportProduct, key, cancellationToken)).Allowed)
        {
            return CommandResult.Invalid("", text["Anda sudah melaporkan produk ini hari ini. Staf akan memeriksa laporan Anda."]);
        }
        var report = new ListingReport { ProductId = product.Id, Reason = reason, Details = details, ReportedAt = clock.GetUtcNow() };
        db.ListingReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Listing {ProductId} reported ({Reason}): report {ReportId}", product.Id, reason, report.Id);
        return CommandResult.Saved(text["Terima kasih, laporan Anda kami terima. Staf akan memeriksa produk ini."], report.Id);
    }
}
