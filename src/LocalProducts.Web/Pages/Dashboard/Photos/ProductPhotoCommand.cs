using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Photos;

/// Adds and removes a product's photos for its IKM's owner. The owner is checked here, on the
/// server, before any image is processed: the product id a form posts proves nothing. A photo and
/// its alt text are part of the listing: they follow the same rule as an edit of its text
/// (`Product.ChangedByOwner`), so an unverified IKM's new photo waits for review with its listing.
public sealed class ProductPhotoCommand(AppDbContext db, ImageStore images, AuditLog audit, TimeProvider clock, ILogger<ProductPhotoCommand> logger)
{
    /// Keeps one product within its storage budget (decision 0006): six photos of about 0.5 MB of copies each.
    public const int MaxPhotos = 6;

    /// Checks and stores the posted file, then adds it after the product's other photos.
    public async Task<ImageChange> AddAsync(int productId, Guid ownerId, IFormFile? file, string? altText, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Images).Include(p => p.Ikm)
            .FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return ImageChange.NotFound;
        }
        if (product.Ikm!.OwnerId != ownerId)
        {
            logger.LogWarning("User {UserId} tried to add a photo to product {ProductId} of another IKM", ownerId, productId);
            return ImageChange.Forbidden;
        }
        if (product.Images.Count >= MaxPhotos)
        {
            return new ImageChange(ImageChangeStatus.TooMany);
        }

        var saved = await images.SaveUploadAsync(file, ImagePurpose.ProductPhoto, ownerId, cancellationToken);
        if (!saved.Succeeded)
        {
            return new ImageChange(ImageChangeStatus.Refused, saved.Failure);
        }
        product.AddImage(saved.Value.Id, altText);
        ChangedByOwner(product);
        await db.SaveChangesAsync(cancellationToken);
        return new ImageChange(ImageChangeStatus.Done, ImageId: saved.Value.Id);
    }

    /// Takes the photo off the product and deletes the stored image with its copies.
    public async Task<ImageChange> RemoveAsync(int productId, Guid ownerId, Guid imageId, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Ikm).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        var photo = product is null ? null
            : await db.ProductImages.FirstOrDefaultAsync(i => i.ProductId == productId && i.ImageId == imageId, cancellationToken);
        if (product is null || photo is null)
        {
            return ImageChange.NotFound;
        }
        if (product.Ikm!.OwnerId != ownerId)
        {
            logger.LogWarning("User {UserId} tried to remove a photo of product {ProductId} of another IKM", ownerId, productId);
            return ImageChange.Forbidden;
        }
        // The row goes first, through the change tracker, so the product's cached pages are
        // evicted; then the stored image with its copies.
        db.ProductImages.Remove(photo);
        ChangedByOwner(product);
        await db.SaveChangesAsync(cancellationToken);
        await images.DeleteAsync(imageId, cancellationToken);
        return new ImageChange(ImageChangeStatus.Done);
    }

    private void ChangedByOwner(Product product)
    {
        if (product.ChangedByOwner(product.Ikm!.IsVerified, clock.GetUtcNow()) == ListingChange.SentBackForReview)
        {
            audit.Describe(product, AuditActions.Resubmitted);
        }
    }
}
