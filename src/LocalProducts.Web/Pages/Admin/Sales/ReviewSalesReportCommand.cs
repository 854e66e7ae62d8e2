using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Sales;

/// Staff accept a held report (it counts from now on) or reject it with a note the owner reads.
/// Two staff deciding the same report: the second gets a conflict and changes nothing.
public sealed class ReviewSalesReportCommand(
    AppDbContext db,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<ReviewSalesReportCommand> logger)
{
    public const string AcceptedAction = "sales-accepted";
    public const string RejectedAction = "sales-rejected";

    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, long reportId, uint version, bool accept, string? note, CancellationToken cancellationToken)
    {
        if (!CurrentUser.IsStaff(user) || CurrentUser.IdOf(user) is not { } staffId)
        {
            return CommandResult.Forbidden;
        }
        if (!accept && string.IsNullOrWhiteSpace(note))
        {
            return CommandResult.Invalid("Note", text["Tulis alasan penolakan: pemilik membacanya untuk memperbaiki laporannya."]);
        }
        if (note?.Trim().Length > SalesReport.ReasonMaxLength)
        {
            return CommandResult.Invalid("Note", text["Alasan penolakan paling panjang {0} karakter.", SalesReport.ReasonMaxLength]);
        }
        var report = await db.SalesReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return CommandResult.NotFound;
        }
        if (report.Version != version || report.State != SalesReportState.HeldForReview)
        {
            return Decided();
        }
        var now = clock.GetUtcNow();
        if (accept)
        {
            report.Accept(now, staffId);
        }
        else
        {
            report.Reject(note!, now, staffId);
        }
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        audit.Record(staffId, accept ? AcceptedAction : RejectedAction, nameof(SalesReport), report.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?>
            {
                ["ikm"] = report.IkmId,
                ["units"] = report.Units,
                ["revenue"] = report.RevenueRupiah,
                ["holdReason"] = report.HoldReason,
                ["note"] = report.ReviewNote,
            });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Decided();
        }
        logger.LogInformation("Held sales report {ReportId} {Decision} by staff {StaffId}", report.Id, accept ? "accepted" : "rejected", staffId);
        return CommandResult.Saved(accept
            ? text["Laporan diterima dan sekarang dihitung."]
            : text["Laporan ditolak; pemilik melihat catatan Anda dan dapat memperbaikinya."]);
    }

    private CommandResult Decided() =>
        CommandResult.Conflicted(null, text["Laporan ini sudah diputuskan staf lain atau diperbaiki pemiliknya sejak halaman ini dibuka. Tidak ada yang diubah; lihat antrean terbaru."]);
}
