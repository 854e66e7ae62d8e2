using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Alternatives;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

public sealed record AlternativeRow(int Id, string Term, AlternativeTermKind Kind, string? OtherSpellings, IReadOnlyList<string> Categories, string SearchWords, DateTimeOffset UpdatedAt);

/// The mappings shown (filtered) and how many there are in all.
public sealed record AlternativeList(IReadOnlyList<AlternativeRow> Rows, int Total);

/// The staff list of local alternatives: optionally one category, and a search over the term, the
/// other spellings and the search words.
public sealed class AlternativeListQuery(AppDbContext db)
{
    public async Task<AlternativeList> RunAsync(string? search, string? categorySlug, CancellationToken cancellationToken)
    {
        var total = await db.LocalAlternatives.CountAsync(cancellationToken);
        var rows = db.LocalAlternatives.AsNoTracking();
        if (!string.IsNullOrEmpty(categorySlug))
        {
            rows = rows.Where(a => a.Categories.Any(c => c.Slug == categorySlug));
        }
        var words = LocalAlternative.Normalize(search);
        if (words.Length > 0)
        {
            rows = rows.Where(a => a.NormalizedTerm.Contains(words)
                || (a.OtherSpellings != null && a.OtherSpellings.Contains(words))
                || a.SearchWords.Contains(words));
        }
        var list = await rows.OrderBy(a => a.NormalizedTerm)
            .Select(a => new AlternativeRow(a.Id, a.Term, a.Kind, a.OtherSpellings,
                a.Categories.OrderBy(c => c.SortOrder).Select(c => c.Name).ToList(), a.SearchWords, a.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new AlternativeList(list, total);
    }
}
