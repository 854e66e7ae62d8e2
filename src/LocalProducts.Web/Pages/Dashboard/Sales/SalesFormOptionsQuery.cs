using LocalProducts.Web.Data;
using LocalProducts.Web.Pages.Dashboard.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

public sealed record SalesProductOption(int Id, string Name);

public sealed record SalesFormOptions(bool HasIkm, IReadOnlyList<SalesProductOption> Products, IReadOnlyList<CategoryGroup> Categories);

/// What the report form offers: the owner's own products, and the leaf categories for a report
/// of a whole category.
public sealed class SalesFormOptionsQuery(AppDbContext db, ProductFormQuery productForm)
{
    public async Task<SalesFormOptions> RunAsync(Guid ownerId, bool english, CancellationToken cancellationToken)
    {
        var options = await productForm.OptionsAsync(ownerId, english, cancellationToken);
        if (options.Ikm is not { } ikm)
        {
            return new SalesFormOptions(false, [], []);
        }
        var products = await db.Products.AsNoTracking().Where(p => p.IkmId == ikm.Id)
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new SalesProductOption(p.Id, p.Name))
            .ToListAsync(cancellationToken);
        return new SalesFormOptions(true, products, options.Categories);
    }
}
