using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Alternatives;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Alternatives;

/// Reads the mappings staff keep at /admin/alternatif-lokal (two small statements).
public static class AlternativeTable
{
    public static async Task<AlternativeCatalogue> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.LocalAlternatives.AsNoTracking()
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id,
                a.Term,
                a.NormalizedTerm,
                a.OtherSpellings,
                a.SearchWords,
                a.Reason,
                Categories = a.Categories.OrderBy(c => c.SortOrder).Select(c => c.Slug).ToList(),
            })
            .ToListAsync(cancellationToken);
        var terms = new AlternativeTerms(rows.Select(r => new AlternativeTerm(r.Id,
            [LocalAlternative.Normalize(r.NormalizedTerm), .. LocalAlternative.List(r.OtherSpellings)])));
        var entries = rows.ToDictionary(r => r.Id, r => new AlternativeEntry(r.Id, r.Term, r.Reason, r.Categories, LocalAlternative.List(r.SearchWords)));
        return new AlternativeCatalogue(terms, entries);
    }
}
