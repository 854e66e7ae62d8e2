using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products.Search;

/// The category tree and provinces a search needs to read its filters and label its facets.
/// Small tables, read per search (a few rows each), so an edit shows at once on every instance.
public sealed class SearchReference
{
    public sealed record CategoryEntry(string Slug, string Name, string? ParentSlug, int SortOrder, IReadOnlyList<int> Ids);
    public sealed record ProvinceEntry(string Code, string Slug, string Name);

    public required IReadOnlyDictionary<string, CategoryEntry> Categories { get; init; }
    public required IReadOnlyDictionary<string, ProvinceEntry> Provinces { get; init; }
    public required IReadOnlyDictionary<string, ProvinceEntry> ProvincesByCode { get; init; }
    public static async Task<SearchReference> LoadAsync(AppDbContext db, bool english, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking()
            .Select(c => new { c.Id, c.Slug, c.Name, c.NameEn, c.ParentId, c.SortOrder })
            .ToListAsync(cancellationToken);
        var byId = categories.ToDictionary(c => c.Id);
        var entries = categories.ToDictionary(
            c => c.Slug,
            c => new CategoryEntry(
                c.Slug,
                english ? c.NameEn : c.Name,
                c.ParentId is { } parent ? byId[parent].Slug : null,
                c.SortOrder,
                [c.Id, .. categories.Where(child => child.ParentId == c.Id).Select(child => child.Id)]),
            StringComparer.Ordinal);
        var provinces = (await db.Provinces.AsNoTracking().ToListAsync(cancellationToken))
            .Select(p => new ProvinceEntry(p.Code, Slug.From(p.Name), p.Name))
            .ToList();
        return new SearchReference
        {
            Categories = entries,
            Provinces = provinces.ToDictionary(p => p.Slug, StringComparer.Ordinal),
            ProvincesByCode = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal),
        };
    }
}
