using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Links;

/// Gives an approved entry its short links: one per product of the round (see
/// <see cref="RoundProducts"/>) and one per maker of those products. Creates only the missing
/// ones, so it can run again (after a product is published, or twice by two staff) without
/// doubling anything.
public sealed class IssueInfluencerLinksCommand(AppDbContext db, TimeProvider clock, ILogger<IssueInfluencerLinksCommand> logger)
{
    private const int Attempts = 5;

    /// Returns how many links were created; 0 for an entry that is not approved.
    public async Task<int> RunAsync(int entryId, CancellationToken cancellationToken)
    {
        var entry = await db.RoundEntries.AsNoTracking().Where(e => e.Id == entryId)
            .Select(e => new { e.RoundId, e.Status }).SingleOrDefaultAsync(cancellationToken);
        if (entry is not { Status: EntryStatus.Approved })
        {
            return 0;
        }
        var products = await RoundProducts.Of(db, entry.RoundId).AsNoTracking()
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.IkmId }).ToListAsync(cancellationToken);
        var existing = await db.InfluencerLinks.AsNoTracking().Where(l => l.EntryId == entryId)
            .Select(l => new { l.ProductId, l.IkmId }).ToListAsync(cancellationToken);
        var targets = products.Select(p => ((int?)p.Id, (int?)null))
            .Concat(products.Select(p => p.IkmId).Distinct().Order().Select(ikm => ((int?)null, (int?)ikm)))
            .Where(t => !existing.Any(e => e.ProductId == t.Item1 && e.IkmId == t.Item2))
            .ToList();

        var created = 0;
        foreach (var (productId, ikmId) in targets)
        {
            if (await InsertAsync(entryId, productId, ikmId, cancellationToken))
            {
                created++;
            }
        }
        if (created > 0)
        {
            logger.LogInformation("Entry {EntryId}: {Created} short links issued", entryId, created);
        }
        return created;
    }

    /// One link. ON CONFLICT DO NOTHING covers both unique keys: when nothing was inserted, either
    /// someone issued the same link meanwhile (done) or the random code was taken (new code).
    private async Task<bool> InsertAsync(int entryId, int? productId, int? ikmId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var code = InfluencerLink.NewCode();
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO influencer_links (code, entry_id, product_id, ikm_id, created_at)
                VALUES ({code}, {entryId}, {productId}, {ikmId}, {clock.GetUtcNow()})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (inserted == 1)
            {
                return true;
            }
            if (await db.InfluencerLinks.AnyAsync(l => l.EntryId == entryId && l.ProductId == productId && l.IkmId == ikmId, cancellationToken))
            {
                return false;
            }
        }
        throw new InvalidOperationException($"No free short-link code after {Attempts} attempts.");
    }
}
