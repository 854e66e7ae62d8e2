using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products.Search;

/// A pair of the staff-kept synonym table, normalized.
public sealed record SynonymPair(string Word, string SameAs, bool BothWays);

/// Reads the synonym table (search_synonyms) for searches.
public static class SynonymTable
{
    public static async Task<IReadOnlyList<SynonymPair>> LoadAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await db.SearchSynonyms.AsNoTracking()
            .Select(s => new { s.Word, s.SameAs, s.BothWays })
            .ToListAsync(cancellationToken))
        .Select(s => new SynonymPair(SearchSynonym.Normalize(s.Word), SearchSynonym.Normalize(s.SameAs), s.BothWays))
        .Where(s => SearchSynonym.Problem(s.Word, s.SameAs) is null)
        .ToList();
}
