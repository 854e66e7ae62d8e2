using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// The round the upload page imports into, and its latest imports.
public sealed record MetricImportUpload(int RoundId, string Title, bool TakesPosts, IReadOnlyList<MetricImportRow> Imports);

public sealed record MetricImportRow(int Id, string FileName, ImportState State, DateTimeOffset CreatedAt, string CreatedBy, int NewSnapshots, int BadRows);

public sealed class MetricImportUploadQuery(AppDbContext db)
{
    public const int ImportsShown = 20;

    public async Task<MetricImportUpload?> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var imports = await db.MetricImports.AsNoTracking()
            .Where(i => i.RoundId == roundId)
            .OrderByDescending(i => i.Id)
            .Take(ImportsShown)
            .Select(i => new MetricImportRow(i.Id, i.FileName, i.State, i.CreatedAt, i.CreatedBy, i.NewSnapshots, i.BadRows))
            .ToListAsync(cancellationToken);
        return new MetricImportUpload(round.Id, round.Title, round.TakesPosts, imports);
    }
}
