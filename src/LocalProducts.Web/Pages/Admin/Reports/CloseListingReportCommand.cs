using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Reports;

/// Staff close an open report as resolved (they acted on it: corrected, hid the listing, asked the
/// owner) or dismissed (nothing wrong), with an optional note. Two staff closing the same report:
/// the second gets a conflict and changes nothing.
public sealed class CloseListingReportCommand(
    AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<CloseListingReportCommand> logger)
{
    public const string ResolvedAction = "listing-report-resolved";
    public const string DismissedAction = "listing-report-dismissed";

    public async Task<CommandResult> RunAsync(
        ClaimsPrincipal user, int reportId, uint version, ListingReportState? outcome, string? note, CancellationToken cancellationToken)
    {
        if (!CurrentUser.IsStaff(user) || CurrentUser.IdOf(user) is not { } staffId)
        {
            return CommandResult.Forbidden;
        }
        if (outcome is not (ListingReportState.Resolved or ListingReportState.Dismissed))
        {
            return CommandResult.Invalid("", text["Pilih cara menutup laporan: sudah ditangani atau diabaikan."]);
        }
        if (note?.Trim().Length > ListingReport.StaffNoteMaxLength)
        {
            return CommandResult.Invalid("", text["Catatan paling banyak {0} karakter.", ListingReport.StaffNoteMaxLength]);
        }
        var report = await db.ListingReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return CommandResult.NotFound;
        }
        if (report.Version != version || !report.IsOpen)
        {
            return Closed();
        }
        report.Close(outcome.Value, note, staffId, clock.GetUtcNow());
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        audit.Record(staffId, outcome == ListingReportState.Resolved ? ResolvedAction : DismissedAction, nameof(ListingReport),
            report.Id.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?>
            {
                ["product"] = report.ProductId,
                ["reason"] = report.Reason.ToString(),
                ["note"] = report.StaffNote,
            });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Closed();
        }
        logger.LogInformation("Listing report {ReportId} closed as {Outcome} by staff {StaffId}", report.Id, outcome, staffId);
        return CommandResult.Saved(outcome == ListingReportState.Resolved
            ? text["Laporan ditutup: sudah ditangani."]
            : text["Laporan ditutup: diabaikan."], report.Id);
    }

    private CommandResult Closed() =>
        CommandResult.Conflicted(null, text["Laporan ini sudah ditutup staf lain sejak halaman ini dibuka. Tidak ada yang diubah; lihat daftar terbaru."]);
}
