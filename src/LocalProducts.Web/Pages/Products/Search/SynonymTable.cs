using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products.Search;

/// The synonym pairs staff keep at /admin/pencarian/sinonim, as a search applies them. Read at
/// query time, so an edit applies to the next search (a save of a <see cref="SearchSynonym"/>
/// clears the <see cref="CatalogueCache"/>, see Infrastructure/CacheEvictionInterceptor).
public static class SynonymTable
{
    /// Every pair, normalized again (rows written by hand in the database too), without pairs
    /// that are empty or the same on both sides, ordered by word.
    public static async Task<IReadOnlyList<SynonymPair>> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.SearchSynonyms.AsNoTracking()
            .OrderBy(s => s.Word).ThenBy(s => s.SameAs)
            .Select(s => new { s.Word, s.SameAs, s.BothWays })
            .ToListAsync(cancellationToken);
        return [.. rows
            .Select(r => new SynonymPair(SearchSynonym.Normalize(r.Word), SearchSynonym.Normalize(r.SameAs), r.BothWays))
            .Where(p => SearchSynonym.Problem(p.Word, p.SameAs) is null)
            .Distinct()];
    }
}
