using LocalProducts.Web.Data;
using LocalProducts.Web.Pages.Products;
using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.Web.Pages.Alternatives;

/// Finds the local alternatives for a brand or product word: the mapping the query names
/// (<see cref="AlternativeCatalogue"/>, kept in the <see cref="CatalogueCache"/>), then the
/// catalogue search (<see cref="ProductSearch"/>, relevance order) once per search of the mapping
/// and, when those found fewer products than asked for, once per category. Best first: products
/// a search found that are in one of the mapping's categories, then the others a search found,
/// then the categories' other products; within each, those more searches found first, then in
/// the searches' order.
public sealed class LocalAlternativeSearch(AppDbContext db, CatalogueCache cache, ProductSearch search)
{
    public const int MaxProducts = 12;

    public Task<AlternativeCatalogue> CatalogueAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync("local-alternatives", () => AlternativeTable.LoadAsync(db, cancellationToken));

    /// Null when the query names no mapped brand or product word.
    public async Task<LocalAlternativeResult?> FindAsync(string? query, bool english, int limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }
        var catalogue = await CatalogueAsync(cancellationToken);
        if (catalogue.Find(query) is not { } entry)
        {
            return null;
        }
        var reference = await cache.GetOrLoadAsync($"search-reference:{english}", () => SearchReference.LoadAsync(db, english, cancellationToken));
        var categories = entry.CategorySlugs.Select(slug => reference.Categories.GetValueOrDefault(slug))
            .OfType<SearchReference.CategoryEntry>().ToList();
        var mapped = categories.Select(c => c.Slug).ToHashSet(StringComparer.Ordinal);

        var found = new Dictionary<int, Found>();
        var order = 0;
        foreach (var phrase in entry.SearchPhrases)
        {
            var result = await search.RunAsync(new ProductSearchInput { Q = phrase }, english, cancellationToken);
            // A corrected search found other words than the ones staff chose: not offered.
            if (result.CorrectedQuery is not null)
            {
                continue;
            }
            foreach (var card in result.Products)
            {
                if (!found.TryGetValue(card.Id, out var product))
                {
                    found[card.Id] = product = new Found(card, order++, InCategory(card));
                }
                product.Phrases.Add(phrase);
            }
        }
        if (found.Count < limit)
        {
            foreach (var category in categories)
            {
                var result = await search.RunAsync(new ProductSearchInput { Kategori = category.Slug }, english, cancellationToken);
                foreach (var card in result.Products.Where(c => !found.ContainsKey(c.Id)))
                {
                    found[card.Id] = new Found(card, order++, InCategory(card));
                }
            }
        }
        var products = found.Values
            .OrderBy(f => f.Phrases.Count > 0 ? (f.InCategory ? 0 : 1) : 2)
            .ThenByDescending(f => f.Phrases.Count)
            .ThenBy(f => f.Order)
            .Take(limit)
            .Select(f => new AlternativeProduct(f.Card, f.InCategory ? f.Card.CategoryName : null, f.Phrases))
            .ToList();
        return new LocalAlternativeResult(entry, [.. categories.Select(c => new CategoryLink(c.Slug, c.Name))], products);

        bool InCategory(ProductCard card) =>
            mapped.Contains(card.CategorySlug)
            || (reference.Categories.GetValueOrDefault(card.CategorySlug)?.ParentSlug is { } parent && mapped.Contains(parent));
    }

    private sealed record Found(ProductCard Card, int Order, bool InCategory)
    {
        public List<string> Phrases { get; } = [];
    }
}
