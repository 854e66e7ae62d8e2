using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Moderation;

/// Staff approve a pending listing, hide any listing with a reason the owner sees, or show a
/// hidden one again.
public sealed class ModerateProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    OwnerNoticeCommand notice,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    ILogger<ModerateProductCommand> logger)
{
    public async Task<CommandResult> ApproveAsync(ClaimsPrincipal user, int productId, uint version, CancellationToken cancellationToken)
    {
        var (product, refusal) = await LoadAsync(user, productId, version, cancellationToken);
        if (product is null)
        {
            return refusal!;
        }
        if (product.ApprovedByStaff(clock.GetUtcNow()) == ListingChange.RefusedWrongState)
        {
            return CommandResult.Invalid("", text["Produk ini tidak sedang menunggu tinjauan."]);
        }
        audit.Describe(product, AuditActions.Approved);
        return await SaveAsync(user, product, "approved", text["\"{0}\" disetujui dan tayang.", product.Name], cancellationToken);
    }

    public async Task<CommandResult> HideAsync(ClaimsPrincipal user, int productId, uint version, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CommandResult.Invalid("Input.Reason", text["Tulis alasan menyembunyikan produk: pemilik membacanya untuk memperbaikinya."]);
        }
        var (product, refusal) = await LoadAsync(user, productId, version, cancellationToken);
        if (product is null)
        {
            return refusal!;
        }
        product.HiddenByStaff(reason, clock.GetUtcNow());
        audit.Describe(product, AuditActions.Hidden, new Dictionary<string, object?> { ["reason"] = product.HiddenReason });
        var result = await SaveAsync(user, product, "hidden", text["\"{0}\" disembunyikan; pemilik diberi tahu alasannya.", product.Name], cancellationToken);
        if (result.IsSaved)
        {
            await notice.SendAsync(product.Ikm!.OwnerId, $"Produk {product.Name} disembunyikan dari katalog Melokal", (name, dashboard) =>
                $"Halo {name},\n\nStaf Kementerian Perindustrian menyembunyikan produk {product.Name} dari katalog Melokal.\n\n"
                + $"Alasannya: {product.HiddenReason}\n\n"
                + $"Cara memperbaikinya: buka {dashboard}/produk, ubah produk ini sesuai alasan di atas, lalu simpan. "
                + "Produk diajukan lagi dan tayang setelah ditinjau staf.", cancellationToken);
        }
        return result;
    }

    public async Task<CommandResult> UnhideAsync(ClaimsPrincipal user, int productId, uint version, CancellationToken cancellationToken)
    {
        var (product, refusal) = await LoadAsync(user, productId, version, cancellationToken);
        if (product is null)
        {
            return refusal!;
        }
        if (product.ShownAgainByStaff(clock.GetUtcNow()) == ListingChange.RefusedWrongState)
        {
            return CommandResult.Invalid("", text["Produk ini tidak disembunyikan."]);
        }
        audit.Describe(product, AuditActions.Unhidden);
        return await SaveAsync(user, product, "shown", text["\"{0}\" tayang lagi.", product.Name], cancellationToken);
    }

    private async Task<(Product? Product, CommandResult? Refusal)> LoadAsync(ClaimsPrincipal user, int productId, uint version, CancellationToken cancellationToken)
    {
        var product = await db.Products.Include(p => p.Ikm).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Moderate)).Succeeded)
        {
            return (null, CommandResult.NotFound);
        }
        if (product.Version != version)
        {
            return (null, StaleResult());
        }
        db.Entry(product).Property(p => p.Version).OriginalValue = version;
        return (product, null);
    }

    private async Task<CommandResult> SaveAsync(ClaimsPrincipal user, Product product, string action, string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleResult();
        }
        logger.LogInformation("Product {ProductId} {Action} by staff {StaffId}", product.Id, action, CurrentUser.IdOf(user));
        return CommandResult.Saved(message, product.Id);
    }

    private CommandResult StaleResult() =>
        CommandResult.Invalid("", text["Produk ini diubah sejak halaman ini dibuka. Periksa data terbaru di bawah, lalu putuskan lagi."]);
}
