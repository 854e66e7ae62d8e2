using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Photos;

public sealed record OwnedPhoto(StoredImageView Image, string? AltText);

public sealed record ProductPhotosView(int Id, string Slug, string Name, IReadOnlyList<OwnedPhoto> Photos);

/// A product's photos for its owner. Null when there is no such product; <c>Forbidden</c> when it
/// belongs to another owner.
public sealed class ProductPhotosQuery(AppDbContext db)
{
    public async Task<(ProductPhotosView? View, bool Forbidden)> RunAsync(int productId, Guid ownerId, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking()
            .Where(p => p.Id == productId)
            .Select(p => new
            {
                p.Ikm!.OwnerId,
                View = new ProductPhotosView(p.Id, p.Slug, p.Name, p.Images.OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                    .Select(i => new OwnedPhoto(new StoredImageView(i.Image!.Id, i.Image.Width, i.Image.Height, i.Image.Widths, i.Image.ShareWidth), i.AltText))
                    .ToList()),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (product is null)
        {
            return (null, false);
        }
        return product.OwnerId == ownerId ? (product.View, false) : (null, true);
    }
}
