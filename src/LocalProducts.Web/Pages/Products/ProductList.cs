using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products;

public sealed record ProductListInput(string? Q, string? Kategori, int Halaman = 1);

public sealed record ProductListView(
    ProductListInput Input,
    IReadOnlyList<ProductCard> Products,
    int Total,
    int Page,
    int PageCount,
    string? CategoryName);

/// Browse and simple word search. The full search (stemming, typos, facets) comes with the
/// catalogue issue; this keeps the header's search box working meanwhile.
public sealed class ProductListQuery(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 24;
    public const int MaxQueryLength = 200;

    public async Task<ProductListView> RunAsync(ProductListInput input, bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var products = ProductCard.Visible(db.Products.AsNoTracking());
        string? categoryName = null;
        if (!string.IsNullOrWhiteSpace(input.Kategori))
        {
            var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == input.Kategori, cancellationToken);
            if (category is not null)
            {
                categoryName = category.LocalName(english);
                products = products.Where(p => p.CategoryId == category.Id || p.Category!.ParentId == category.Id);
            }
        }
        var words = (input.Q ?? "").Trim();
        if (words.Length > MaxQueryLength)
        {
            words = words[..MaxQueryLength];
        }
        if (words.Length > 0)
        {
            var pattern = "%" + EscapeLike(words) + "%";
            products = products.Where(p => EF.Functions.ILike(p.Name, pattern, "\\")
                || EF.Functions.ILike(p.Ikm!.Name, pattern, "\\")
                || EF.Functions.ILike(p.Category!.Name, pattern, "\\"));
        }

        var total = await products.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        var page = Math.Clamp(input.Halaman, 1, pageCount);
        var cards = await products
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(ProductCard.Projection(today, english))
            .ToListAsync(cancellationToken);
        return new ProductListView(input with { Q = words }, cards, total, page, pageCount, categoryName);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
