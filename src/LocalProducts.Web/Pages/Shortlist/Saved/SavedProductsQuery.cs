using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Shortlist.Saved;

public sealed class SavedProductsQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<SavedProducts> RunAsync(IReadOnlyList<string> slugs, bool english, CancellationToken cancellationToken)
    {
        if (slugs.Count == 0)
        {
            return new SavedProducts([], []);
        }
        var cards = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => slugs.Contains(p.Slug))
            .Select(ProductCard.Projection(Wib.Today(clock), english))
            .ToListAsync(cancellationToken);
        var bySlug = cards.ToDictionary(c => c.Slug, StringComparer.Ordinal);
        return new SavedProducts(
            [.. slugs.Where(bySlug.ContainsKey).Select(s => bySlug[s])],
            [.. slugs.Where(s => !bySlug.ContainsKey(s))]);
    }
}
