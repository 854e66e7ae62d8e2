using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Links;

/// One short link with what it leads to and its clicks so far.
public sealed record InfluencerLinkClicks(
    string Code, int EntryId, int? ProductId, string? ProductName, int? IkmId, string? IkmName, int Clicks, DateTimeOffset CreatedAt)
{
    /// The product's name, or the maker's.
    public string TargetName => ProductName ?? IkmName ?? "";
}

/// Clicks on the short links of a round, summed from influencer_link_clicks (one row per link and
/// WIB day). For the round's standings and the influencer's own page.
public sealed class InfluencerLinkClicksQuery(AppDbContext db)
{
    /// Clicks per entry of the round, all links together, on the days from <paramref name="firstDay"/>
    /// to <paramref name="lastDay"/> (WIB; null: no bound). Entries with links but no click are
    /// listed with 0; entries without links are absent. The standings count the window's days.
    public async Task<IReadOnlyDictionary<int, int>> TotalsByEntryAsync(
        int roundId, CancellationToken cancellationToken, DateOnly? firstDay = null, DateOnly? lastDay = null)
    {
        var links = db.InfluencerLinks.AsNoTracking().Where(l => l.Entry!.RoundId == roundId);
        var sums = await db.InfluencerLinkClicks.AsNoTracking()
            .Where(c => (firstDay == null || c.Day >= firstDay) && (lastDay == null || c.Day <= lastDay))
            .Join(links, c => c.Code, l => l.Code, (c, l) => new { l.EntryId, c.Clicks })
            .GroupBy(x => x.EntryId)
            .Select(g => new { EntryId = g.Key, Clicks = g.Sum(x => x.Clicks) })
            .ToDictionaryAsync(x => x.EntryId, x => x.Clicks, cancellationToken);
        var entries = await links.Select(l => l.EntryId).Distinct().ToListAsync(cancellationToken);
        return entries.ToDictionary(id => id, id => sums.GetValueOrDefault(id));
    }

    /// The links of one entry with their clicks: products first, then makers.
    public Task<List<InfluencerLinkClicks>> ForEntryAsync(int entryId, CancellationToken cancellationToken) =>
        Links(db.InfluencerLinks.Where(l => l.EntryId == entryId)).ToListAsync(cancellationToken);

    private IQueryable<InfluencerLinkClicks> Links(IQueryable<Domain.Melokal.InfluencerLink> links) =>
        links.AsNoTracking()
            .OrderBy(l => l.EntryId).ThenBy(l => l.ProductId == null).ThenBy(l => l.Code)
            .Select(l => new InfluencerLinkClicks(
                l.Code, l.EntryId, l.ProductId,
                db.Products.Where(p => p.Id == l.ProductId).Select(p => p.Name).FirstOrDefault(),
                l.IkmId,
                db.Ikms.Where(i => i.Id == l.IkmId).Select(i => i.Name).FirstOrDefault(),
                db.InfluencerLinkClicks.Where(c => c.Code == l.Code).Sum(c => (int?)c.Clicks) ?? 0,
                l.CreatedAt));
}
