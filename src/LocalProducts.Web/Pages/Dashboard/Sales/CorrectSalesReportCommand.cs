using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The owner corrects a report's units and revenue: the latest figures count, the earlier ones
/// stay in its history. The hold rule is asked again. Two tabs: the second gets a conflict with
/// the figures the first saved.
public sealed class CorrectSalesReportCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<CorrectSalesReportCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, long reportId, SalesCorrectionForm form, CancellationToken cancellationToken)
    {
        var ikm = await SalesOwner.IkmAsync(db, authorization, user, cancellationToken);
        var report = ikm is null ? null : await db.SalesReports.FirstOrDefaultAsync(r => r.Id == reportId && r.IkmId == ikm.Id, cancellationToken);
        if (ikm is null || report is null)
        {
            return CommandResult.NotFound;
        }
        var errors = new List<FormError>();
        var figures = SalesFormFigures.Read(form.Units, form.Revenue, text, errors);
        if (figures is not { } f)
        {
            return CommandResult.Invalid(errors);
        }
        if (report.Version != form.Version)
        {
            return Conflict(report, f);
        }
        var key = new SaleKey(report.ProductId, report.CategoryId, report.Channel, report.PeriodKind, report.PeriodStart);
        var ledger = await SalesLedger.LoadAsync(db, ikm.Id, key.Start, key.End, cancellationToken);
        if (!report.Correct(f.Units, f.Revenue, ledger.HoldReason(key, f.Revenue), form.Reason, clock.GetUtcNow(), CurrentUser.IdOf(user)))
        {
            return CommandResult.Saved(text["Angkanya sama dengan yang tersimpan: tidak ada yang berubah."]);
        }
        db.Entry(report).Property(r => r.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SalesReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
            return current is null ? CommandResult.NotFound : Conflict(current, f);
        }
        logger.LogInformation("Sales report {ReportId} corrected by its owner, state {State}", report.Id, report.State);
        return CommandResult.Saved(report.State == SalesReportState.HeldForReview
            ? text["Perbaikan disimpan, tetapi ditahan untuk ditinjau staf karena jauh dari penjualan Anda biasanya."]
            : text["Perbaikan disimpan; angka terbaru yang dihitung."]);
    }

    private static CommandResult Conflict(SalesReport saved, (int Units, long Revenue) typed) =>
        CommandResult.Conflicted(new FieldConflict(
        [
            new ConflictRow("Unit terjual", saved.Units.ToString("N0", CultureInfo.GetCultureInfo("id-ID")), typed.Units.ToString("N0", CultureInfo.GetCultureInfo("id-ID"))),
            new ConflictRow("Pendapatan (Rp)", new Rupiah(saved.RevenueRupiah).ToString(), new Rupiah(typed.Revenue).ToString()),
        ], saved.Version));
}
