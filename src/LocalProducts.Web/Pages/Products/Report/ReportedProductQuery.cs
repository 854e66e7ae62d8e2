using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products.Report;

public sealed record ReportedProduct(int Id, string Slug, string Name);

/// The published listing a shopper reports; unknown and unpublished ones are not found.
public sealed class ReportedProductQuery(AppDbContext db)
{
    public Task<ReportedProduct?> RunAsync(string slug, CancellationToken cancellationToken) =>
        ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => p.Slug == slug)
            .Select(p => new ReportedProduct(p.Id, p.Slug, p.Name))
            .FirstOrDefaultAsync(cancellationToken);
}
