using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.Images;

/// A stored image as the pages need it: its id and its size once upright.
public sealed record SavedImage(Guid Id, int Width, int Height);

/// Keeps uploaded images in PostgreSQL (decision 0006), so every instance serves every image.
/// Page models call <see cref="SaveUploadAsync"/> with the posted file, show the failure's message
/// next to the field, and on success attach the id to their entity in their own command.
public sealed class ImageStore(
    AppDbContext db, DbContextOptions<AppDbContext> options, PostgresRateLimiter limiter, TimeProvider clock, ILogger<ImageStore> logger)
{
    /// Decoding a phone photo takes tens of megabytes and most of a core for a moment: at most this
    /// many at once on one instance, the rest wait their turn.
    private static readonly SemaphoreSlim _processing = new(Math.Max(1, Environment.ProcessorCount / 2));

    /// Checks, processes and stores a posted file. Null or empty: the "choose a file" failure.
    public async Task<ImageOutcome<SavedImage>> SaveUploadAsync(IFormFile? file, ImagePurpose purpose, Guid? userId, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return ImageOutcome.Fail<SavedImage>(ImageProblem.Missing);
        }
        await using var stream = file.OpenReadStream();
        return await SaveAsync(stream, purpose, userId, cancellationToken);
    }

    /// For pages that keep an image as an address (a post's hero photo, a campaign's banner): the
    /// address of its widest WebP copy up to 960 px, sharp on a phone and light on mobile data.
    /// These post photos are not swept as orphans (the sweep knows no address columns), so a
    /// replaced one stays stored.
    public async Task<ImageOutcome<string>> SaveUploadAsAddressAsync(IFormFile file, ImagePurpose purpose, Guid? userId, CancellationToken cancellationToken)
    {
        var saved = await SaveUploadAsync(file, purpose, userId, cancellationToken);
        if (saved.Value is not { } image)
        {
            return ImageOutcome.Fail<string>(saved.Failure!);
        }
        var width = ImageRules.For(purpose).WidthsFor(image.Width).Where(w => w <= 960).DefaultIfEmpty(image.Width).Max();
        return ImageOutcome.Success(MediaUrls.Webp(image.Id, width));
    }

    /// Reads at most 5 MB + 1 byte, checks the content, makes the copies and stores them in one
    /// transaction of its own: nothing else the caller's context tracks is saved with it. An image
    /// that no entity refers to a day later is removed by <see cref="OrphanImageSweeper"/>.
    public async Task<ImageOutcome<SavedImage>> SaveAsync(Stream upload, ImagePurpose purpose, Guid? userId, CancellationToken cancellationToken)
    {
        // Counted per person across instances, before any decoding: decoding is what costs.
        if (userId is { } uploader
            && !(await limiter.HitAsync(RateLimitBuckets.Uploads, RateLimitKeys.ForUser(uploader), cancellationToken)).Allowed)
        {
            logger.LogWarning("Image upload refused: user {UserId} reached the hourly upload limit", uploader);
            return ImageOutcome.Fail<SavedImage>(ImageProblem.TooManyUploads);
        }
        var bytes = await ImageProcessor.ReadAtMostAsync(upload, ImageRules.MaxUploadBytes, cancellationToken);
        ImageOutcome<ProcessedImage> processed;
        if (bytes is null)
        {
            processed = ImageOutcome.Fail<ProcessedImage>(ImageProblem.TooLarge);
        }
        else
        {
            await _processing.WaitAsync(cancellationToken);
            try
            {
                processed = ImageProcessor.Process(bytes, purpose);
            }
            finally
            {
                _processing.Release();
            }
        }
        if (!processed.Succeeded)
        {
            logger.LogInformation("Image upload refused ({Problem}) for user {UserId}", processed.Failure.Problem, userId);
            return ImageOutcome.Fail<SavedImage>(processed.Failure);
        }

        var result = processed.Value;
        var image = new StoredImage
        {
            Id = Guid.CreateVersion7(),
            Purpose = purpose,
            Width = result.Width,
            Height = result.Height,
            Widths = result.Widths,
            ShareWidth = result.Share.Width,
            ContentHash = result.ContentHash,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = userId,
        };
        foreach (var variant in result.Variants)
        {
            image.AddVariant(new StoredImageVariant
            {
                ImageId = image.Id,
                Format = variant.Format,
                Width = variant.Width,
                Height = variant.Height,
                ByteLength = variant.Bytes.Length,
                Bytes = variant.Bytes,
            });
        }
        await using (var own = new AppDbContext(options))
        {
            own.StoredImages.Add(image);
            await own.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Stored image {ImageId} ({Purpose}, {Width}x{Height}, {Bytes} bytes in {Copies} copies) for user {UserId}",
            image.Id, purpose, image.Width, image.Height, result.Variants.Sum(v => v.Bytes.Length), result.Variants.Count, userId);
        return ImageOutcome.Success(new SavedImage(image.Id, image.Width, image.Height));
    }

    /// Deletes an image and its copies at once (in the caller's transaction when one is open). The
    /// database takes it off any product (product_images rows cascade) and any IKM (logo set to
    /// null). Pages that showed it must be evicted from the output cache by the caller.
    public async Task<bool> DeleteAsync(Guid imageId, CancellationToken cancellationToken)
    {
        var deleted = await db.StoredImages.Where(i => i.Id == imageId).ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted)
        {
            logger.LogInformation("Deleted stored image {ImageId}", imageId);
        }
        return deleted;
    }
}
