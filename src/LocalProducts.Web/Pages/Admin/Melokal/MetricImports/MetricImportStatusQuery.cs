using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// An import as its status page shows it: state, what was detected, the counts and one page of
/// the problems kept.
public sealed record MetricImportStatus(
    int Id,
    int RoundId,
    string RoundTitle,
    string FileName,
    long ContentLength,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    ImportState State,
    string? DetectedEncoding,
    string? DetectedSeparator,
    string? DetectedNumberFormat,
    int TotalRows,
    int ProcessedRows,
    int GoodRows,
    int BadRows,
    int WarningRows,
    int NewPosts,
    int NewSnapshots,
    int AlreadyStored,
    ImportProblem? FileProblem,
    IReadOnlyList<ImportProblem> Problems,
    int ProblemsKept,
    int Page,
    int Pages,
    int? SameFileImportId,
    uint Version)
{
    public bool IsWorking => State is ImportState.Queued or ImportState.Checking or ImportState.Importing;

    public int PercentDone => TotalRows == 0 ? (IsWorking ? 0 : 100) : (int)Math.Min(100, ProcessedRows * 100L / TotalRows);
}

public sealed class MetricImportStatusQuery(AppDbContext db)
{
    public const int ProblemsPerPage = 100;

    public async Task<MetricImportStatus?> RunAsync(int importId, int page, CancellationToken cancellationToken)
    {
        var row = await db.MetricImports.AsNoTracking()
            .Where(i => i.Id == importId)
            .Select(i => new
            {
                i.Id,
                i.RoundId,
                i.FileName,
                i.FileSha256,
                i.ContentLength,
                i.CreatedBy,
                i.CreatedAt,
                i.FinishedAt,
                i.State,
                i.DetectedEncoding,
                i.DetectedSeparator,
                i.DetectedNumberFormat,
                i.TotalRows,
                i.ProcessedRows,
                i.GoodRows,
                i.BadRows,
                i.WarningRows,
                i.NewPosts,
                i.NewSnapshots,
                i.AlreadyStored,
                i.FileProblem,
                i.Problems,
                i.Version,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var title = await db.InfluencerRounds.Where(r => r.Id == row.RoundId).Select(r => r.Title).SingleAsync(cancellationToken);
        var sameFile = await db.MetricImports.AsNoTracking()
            .Where(i => i.RoundId == row.RoundId && i.FileSha256 == row.FileSha256 && i.Id < row.Id && i.State == ImportState.Done)
            .OrderByDescending(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        var problems = row.Problems ?? [];
        var pages = Math.Max(1, (problems.Count + ProblemsPerPage - 1) / ProblemsPerPage);
        page = Math.Clamp(page, 1, pages);
        return new MetricImportStatus(
            row.Id, row.RoundId, title, row.FileName, row.ContentLength, row.CreatedBy, row.CreatedAt, row.FinishedAt, row.State,
            row.DetectedEncoding, row.DetectedSeparator, row.DetectedNumberFormat, row.TotalRows, row.ProcessedRows, row.GoodRows,
            row.BadRows, row.WarningRows, row.NewPosts, row.NewSnapshots, row.AlreadyStored, row.FileProblem,
            [.. problems.Skip((page - 1) * ProblemsPerPage).Take(ProblemsPerPage)], problems.Count, page, pages, sameFile, row.Version);
    }
}
