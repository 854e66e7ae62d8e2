using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// An import as its page shows it; ImportedBefore is when the same file (same SHA-256) was last
/// imported before this one.
public sealed record SalesImportStatus(
    int Id,
    string FileName,
    SalesImportState State,
    string? Encoding,
    string? Separator,
    string? NumberFormat,
    string? FileProblem,
    int TotalRows,
    int GoodRows,
    int BadRows,
    int NewReports,
    int CorrectedReports,
    int HeldReports,
    int AlreadyStored,
    IReadOnlyList<SalesImportProblem> Problems,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    uint Version,
    DateTimeOffset? ImportedBefore);

/// One of the owner's imports as its page shows it; null for another IKM's.
public sealed class SalesImportStatusQuery(AppDbContext db)
{
    public async Task<SalesImportStatus?> RunAsync(Guid ownerId, int importId, CancellationToken cancellationToken)
    {
        var ikmId = await OwnedIkm.Of(db, ownerId).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var import = ikmId is null ? null : await db.SalesImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId && i.IkmId == ikmId, cancellationToken);
        if (import is null)
        {
            return null;
        }
        var before = await db.SalesImports.AsNoTracking()
            .Where(i => i.IkmId == ikmId && i.FileSha256 == import.FileSha256 && i.Id < import.Id && i.State == SalesImportState.Done)
            .OrderByDescending(i => i.Id).Select(i => (DateTimeOffset?)i.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        return new SalesImportStatus(import.Id, import.FileName, import.State, import.DetectedEncoding, import.DetectedSeparator, import.DetectedNumberFormat,
            import.FileProblem, import.TotalRows, import.GoodRows, import.BadRows, import.NewReports, import.CorrectedReports, import.HeldReports,
            import.AlreadyStored, import.Problems, import.CreatedAt, import.FinishedAt, import.Version, before);
    }
}
