using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Qris;

/// Takes the owner's QRIS off their page: the image and its copies are deleted in the same
/// transaction as the change.
public sealed class RemoveQrisCommand(
    AppDbContext db,
    ImageStore images,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<RemoveQrisCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, uint version, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return CommandResult.NotFound;
        }
        var ikm = await db.Ikms.Where(i => i.OwnerId == ownerId).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (ikm is null)
        {
            return CommandResult.NotFound;
        }
        if (!(await authorization.AuthorizeAsync(user, ikm, Operations.Edit)).Succeeded)
        {
            logger.LogWarning("User {UserId} may not remove the QRIS of IKM {IkmId}", ownerId, ikm.Id);
            return CommandResult.Forbidden;
        }
        if (ikm.QrisImageId is null)
        {
            return CommandResult.Saved(text["QRIS dihapus."], ikm.Id);
        }
        if (ikm.Version != version)
        {
            return CommandResult.Conflicted(new FieldConflict([], ikm.Version), text[QrisConflict.Message]);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.Entry(ikm).Property(i => i.Version).OriginalValue = version;
            var previous = ikm.ReplaceQris(null, null);
            ikm.UpdatedAt = clock.GetUtcNow();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await db.Entry(ikm).ReloadAsync(cancellationToken);
                return CommandResult.Conflicted(new FieldConflict([], ikm.Version), text[QrisConflict.Message]);
            }
            if (previous is { } old)
            {
                await images.DeleteAsync(old, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        logger.LogInformation("QRIS of IKM {IkmId} removed by owner {OwnerId}", ikm.Id, ownerId);
        return CommandResult.Saved(text["QRIS dihapus."], ikm.Id);
    }
}
