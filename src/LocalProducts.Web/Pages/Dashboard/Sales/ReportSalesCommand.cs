using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// A new sales report from the form. Refuses bad figures and periods, another IKM's product, a
/// second report for the same item, channel and period (a conflict that links to the first), and a
/// report that would count the same sales twice (daily and monthly, or product and category). A
/// report far outside the IKM's history is held for staff (<see cref="SalesOutlierRule"/>).
public sealed class ReportSalesCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<ReportSalesCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, SalesReportForm form, CancellationToken cancellationToken)
    {
        var ikm = await SalesOwner.IkmAsync(db, authorization, user, cancellationToken);
        if (ikm is null)
        {
            return CurrentUser.IdOf(user) is null
                ? CommandResult.NotFound
                : CommandResult.Invalid("", text["Daftarkan usaha Anda dulu; laporan penjualan selalu milik sebuah IKM."]);
        }
        var errors = new List<FormError>();
        var today = Wib.Today(clock);

        int? productId = null;
        var categoryId = 0;
        if (!form.TryReadItem(out var typedProduct, out var typedCategory))
        {
            errors.Add(new("Input.Item", text["Pilih produk atau kategori yang dilaporkan."]));
        }
        else if (typedProduct is { } pid)
        {
            // The product must be this IKM's: a value changed in the form never saves.
            var product = await db.Products.AsNoTracking().Where(p => p.Id == pid && p.IkmId == ikm.Id)
                .Select(p => new { p.Id, p.CategoryId }).FirstOrDefaultAsync(cancellationToken);
            if (product is null)
            {
                logger.LogWarning("Sales report for product {ProductId} refused: not of IKM {IkmId}", pid, ikm.Id);
                errors.Add(new("Input.Item", text[SalesMessages.NotYourProduct]));
            }
            else
            {
                productId = product.Id;
                categoryId = product.CategoryId;
            }
        }
        else if (typedCategory is { } cid)
        {
            var isLeaf = await db.Categories.AnyAsync(c => c.Id == cid && !db.Categories.Any(child => child.ParentId == c.Id), cancellationToken);
            if (isLeaf)
            {
                categoryId = cid;
            }
            else
            {
                errors.Add(new("Input.Item", text[SalesMessages.UnknownCategory]));
            }
        }

        if (form.Channel is not { } channel || !Enum.IsDefined(channel))
        {
            errors.Add(new("Input.Channel", text["Pilih kanal penjualan."]));
            channel = default;
        }

        var kind = Enum.IsDefined(form.Kind) ? form.Kind : SalesPeriodKind.Daily;
        DateOnly start = default;
        var periodField = kind == SalesPeriodKind.Monthly ? "Input.Month" : "Input.Day";
        if (kind == SalesPeriodKind.Monthly ? !SalesText.TryParseMonth(form.Month, out start) : !SalesText.TryParseDay(form.Day, out start))
        {
            errors.Add(new(periodField, kind == SalesPeriodKind.Monthly
                ? text["Tulis bulannya, misalnya 2026-11 atau 11/2026."]
                : text["Tulis tanggalnya, misalnya 2026-11-05 atau 05/11/2026."]));
        }
        else if (SalesPeriod.Problem(kind, start, today) is { } periodProblem)
        {
            errors.Add(new(periodField, text[SalesMessages.Period(periodProblem)]));
        }

        var figures = SalesFormFigures.Read(form.Units, form.Revenue, text, errors);
        if (errors.Count > 0 || figures is not { } f)
        {
            return CommandResult.Invalid(errors);
        }

        var key = new SaleKey(productId, categoryId, channel, kind, SalesPeriod.Start(kind, start));
        var ledger = await SalesLedger.LoadAsync(db, ikm.Id, key.Start, key.End, cancellationToken);
        if (ledger.Same(key) is { } same)
        {
            return Duplicate(same.Id, 0);
        }
        if (ledger.Clash(key) is { Clash: not SaleClash.None } clash)
        {
            return CommandResult.Invalid("", text[SalesMessages.Clash(clash.Clash, key)]);
        }

        var holdReason = ledger.HoldReason(key, f.Revenue);
        var report = SalesReport.Create(ikm.Id, productId, categoryId, channel, kind, key.Start, f.Units, f.Revenue, holdReason,
            clock.GetUtcNow(), CurrentUser.IdOf(user));
        db.SalesReports.Add(report);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two tabs sent the same report at once: the unique index kept one.
            db.ChangeTracker.Clear();
            var existing = await db.SalesReports.AsNoTracking()
                .Where(r => r.IkmId == ikm.Id && r.ProductId == productId && r.CategoryId == categoryId && r.Channel == channel
                    && r.PeriodKind == kind && r.PeriodStart == key.Start)
                .Select(r => new { r.Id, r.Version }).FirstOrDefaultAsync(cancellationToken);
            logger.LogInformation("Sales report of IKM {IkmId} refused by the unique index", ikm.Id);
            return Duplicate(existing?.Id ?? 0, existing?.Version ?? 0);
        }
        logger.LogInformation("Sales report {ReportId} of IKM {IkmId} saved, state {State}", report.Id, ikm.Id, report.State);
        return CommandResult.Saved(report.State == SalesReportState.HeldForReview
            ? text["Laporan disimpan, tetapi ditahan untuk ditinjau staf karena jauh dari penjualan Anda biasanya. Laporan dihitung setelah staf menerimanya."]
            : text["Laporan penjualan disimpan dan sudah dihitung."]);
    }

    private CommandResult Duplicate(long id, uint version) =>
        CommandResult.Conflicted(new ExistingSalesReport(id, version), text[SalesMessages.Duplicate]);
}
