using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Photos;

/// Sets or removes an IKM's logo for its owner; the logo it replaces is deleted with its copies
/// in the same transaction.
public sealed class IkmLogoCommand(AppDbContext db, ImageStore images, ILogger<IkmLogoCommand> logger)
{
    /// A new logo from the posted file. Null file: the "choose a file" failure.
    public async Task<ImageChange> ReplaceAsync(int ikmId, Guid ownerId, IFormFile? file, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.FirstOrDefaultAsync(i => i.Id == ikmId, cancellationToken);
        if (ikm is null)
        {
            return ImageChange.NotFound;
        }
        if (ikm.OwnerId != ownerId)
        {
            logger.LogWarning("User {UserId} tried to change the logo of IKM {IkmId}", ownerId, ikmId);
            return ImageChange.Forbidden;
        }
        var saved = await images.SaveUploadAsync(file, ImagePurpose.IkmLogo, ownerId, cancellationToken);
        if (!saved.Succeeded)
        {
            return new ImageChange(ImageChangeStatus.Refused, saved.Failure);
        }
        var change = await SetAsync(ikm, saved.Value.Id, cancellationToken);
        if (change.Status == ImageChangeStatus.Conflict)
        {
            await images.DeleteAsync(saved.Value.Id, cancellationToken);
        }
        return change with { ImageId = change.Status == ImageChangeStatus.Done ? saved.Value.Id : null };
    }

    public async Task<ImageChange> RemoveAsync(int ikmId, Guid ownerId, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.FirstOrDefaultAsync(i => i.Id == ikmId, cancellationToken);
        if (ikm is null)
        {
            return ImageChange.NotFound;
        }
        if (ikm.OwnerId != ownerId)
        {
            logger.LogWarning("User {UserId} tried to remove the logo of IKM {IkmId}", ownerId, ikmId);
            return ImageChange.Forbidden;
        }
        return await SetAsync(ikm, null, cancellationToken);
    }

    private async Task<ImageChange> SetAsync(Domain.Ikm ikm, Guid? imageId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = ikm.ReplaceLogo(imageId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ImageChange(ImageChangeStatus.Conflict);
        }
        if (previous is { } old)
        {
            await images.DeleteAsync(old, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ImageChange(ImageChangeStatus.Done);
    }
}
