using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

public sealed record SynonymRow(int Id, string Word, string SameAs, SynonymKind Kind, bool BothWays, DateTimeOffset UpdatedAt);

/// The pairs shown (filtered), and how many pairs each kind has in the whole table.
public sealed record SynonymList(IReadOnlyList<SynonymRow> Rows, IReadOnlyDictionary<SynonymKind, int> CountByKind, int Total);

/// The staff list of synonym pairs: optionally one kind, and a search over both sides.
public sealed class SynonymListQuery(AppDbContext db)
{
    public async Task<SynonymList> RunAsync(string? search, SynonymKind? kind, CancellationToken cancellationToken)
    {
        var counts = await db.SearchSynonyms.GroupBy(s => s.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var pairs = db.SearchSynonyms.AsNoTracking();
        if (kind is { } onlyKind)
        {
            pairs = pairs.Where(s => s.Kind == onlyKind);
        }
        var words = SearchSynonym.Normalize(search);
        if (words.Length > 0)
        {
            pairs = pairs.Where(s => s.Word.Contains(words) || s.SameAs.Contains(words));
        }
        var rows = await pairs.OrderBy(s => s.Kind).ThenBy(s => s.Word).ThenBy(s => s.SameAs)
            .Select(s => new SynonymRow(s.Id, s.Word, s.SameAs, s.Kind, s.BothWays, s.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new SynonymList(rows, counts, counts.Values.Sum());
    }
}
