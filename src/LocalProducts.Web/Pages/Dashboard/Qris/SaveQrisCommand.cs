using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Qris;

/// Sets the owner's QRIS: a new image with its merchant name, or a corrected name for the image
/// already there. The name is checked before the upload is decoded; the image it replaces is
/// deleted in the same transaction. The audit interceptor records the change; the maker's page
/// is evicted after the commit (CacheEvictionInterceptor, Ikm).
public sealed class SaveQrisCommand(
    AppDbContext db,
    ImageStore images,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<SaveQrisCommand> logger)
{
    public const string ImageField = "Input.Image";
    public const string MerchantNameField = "Input.MerchantName";

    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, QrisForm form, CancellationToken cancellationToken)
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
            logger.LogWarning("User {UserId} may not change the QRIS of IKM {IkmId}", ownerId, ikm.Id);
            return CommandResult.Forbidden;
        }

        var hasFile = form.Image is { Length: > 0 };
        var errors = new List<FormError>();
        var name = Domain.Ikm.CleanQrisMerchantName(form.MerchantName);
        if (name is null)
        {
            errors.Add(new(MerchantNameField, text["Isi nama merchant persis seperti tertulis pada QRIS."]));
        }
        else if (name.Length > Domain.Ikm.QrisMerchantNameMaxLength)
        {
            errors.Add(new(MerchantNameField, text["Nama merchant paling panjang {0} karakter.", Domain.Ikm.QrisMerchantNameMaxLength]));
        }
        else if (!Domain.Ikm.IsValidQrisMerchantName(name))
        {
            errors.Add(new(MerchantNameField, text["Nama merchant hanya boleh berisi huruf, angka, spasi dan tanda baca."]));
        }
        if (!hasFile && ikm.QrisImageId is null)
        {
            errors.Add(new(ImageField, text["Pilih gambar QRIS untuk diunggah."]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        if (ikm.Version != form.Version)
        {
            return Conflict(ikm, name);
        }

        Guid? uploaded = null;
        if (hasFile)
        {
            var saved = await images.SaveUploadAsync(form.Image, ImagePurpose.Qris, ownerId, cancellationToken);
            if (!saved.Succeeded)
            {
                return CommandResult.Invalid(ImageField, saved.Failure.Message(text));
            }
            uploaded = saved.Value.Id;
        }

        var stored = await SetAsync(ikm, uploaded ?? ikm.QrisImageId, name, form.Version, cancellationToken);
        if (!stored)
        {
            if (uploaded is { } orphan)
            {
                await images.DeleteAsync(orphan, cancellationToken);
            }
            await db.Entry(ikm).ReloadAsync(cancellationToken);
            return Conflict(ikm, name);
        }
        logger.LogInformation("QRIS of IKM {IkmId} saved by owner {OwnerId} (new image: {NewImage})", ikm.Id, ownerId, uploaded is not null);
        return CommandResult.Saved(text["QRIS disimpan."], ikm.Id);
    }

    /// False when someone saved the IKM since the form was opened: nothing is changed then.
    private async Task<bool> SetAsync(Domain.Ikm ikm, Guid? imageId, string? name, uint version, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Entry(ikm).Property(i => i.Version).OriginalValue = version;
        var previous = ikm.ReplaceQris(imageId, name);
        ikm.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        if (previous is { } old)
        {
            await images.DeleteAsync(old, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private CommandResult Conflict(Domain.Ikm saved, string? typedName) => CommandResult.Conflicted(
        new FieldConflict([.. QrisConflict.Rows(saved, typedName)], saved.Version),
        text[QrisConflict.Message]);
}
