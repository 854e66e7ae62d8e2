using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Products;

/// An owner hides a listing of theirs from shoppers, or shows it again. A listing staff hid (with
/// a reason) is shown again only after the owner changes it and staff approve it.
public sealed class HideProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<HideProductCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int productId, bool hide, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return CommandResult.NotFound;
        }
        var product = await db.Products.Include(p => p.Ikm)
            .FirstOrDefaultAsync(p => p.Id == productId && p.Ikm!.OwnerId == ownerId, cancellationToken);
        if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Hide)).Succeeded)
        {
            return CommandResult.NotFound;
        }

        var now = clock.GetUtcNow();
        var change = hide ? product.HiddenByOwner(now) : product.ShownAgainByOwner(product.Ikm!.IsVerified, now);
        switch (change)
        {
            case ListingChange.Unchanged:
                return CommandResult.Saved(hide ? text["Produk ini sudah disembunyikan."] : text["Produk ini tidak disembunyikan."], product.Id);
            case ListingChange.RefusedHiddenByStaff:
                return CommandResult.Invalid("", text["Produk ini disembunyikan staf. Ubah produk sesuai alasannya; setelah disimpan, produk diajukan lagi untuk ditinjau."]);
        }
        audit.Describe(product, hide ? AuditActions.Hidden : AuditActions.Unhidden);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Product {ProductId} {Action} by owner {OwnerId}", product.Id, hide ? "hidden" : "shown", ownerId);
        return CommandResult.Saved(change switch
        {
            ListingChange.Hidden => text["Produk disembunyikan dari katalog."],
            ListingChange.Published => text["Produk tayang lagi di katalog."],
            _ => text["Produk diajukan lagi dan tayang setelah ditinjau staf Kemenperin."],
        }, product.Id);
    }
}
