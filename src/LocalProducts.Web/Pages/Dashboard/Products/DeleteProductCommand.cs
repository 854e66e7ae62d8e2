using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Products;

/// Deletes an owner's product with its certificates, links, photos and click counts.
public sealed class DeleteProductCommand(
    AppDbContext db,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> text,
    ILogger<DeleteProductCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int productId, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return CommandResult.NotFound;
        }
        var product = await db.Products.Include(p => p.Ikm)
            .FirstOrDefaultAsync(p => p.Id == productId && p.Ikm!.OwnerId == ownerId, cancellationToken);
        if (product is null || !(await authorization.AuthorizeAsync(user, product, Operations.Delete)).Succeeded)
        {
            return CommandResult.NotFound;
        }
        db.Products.Remove(product);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Product {ProductId} deleted by owner {OwnerId}", productId, ownerId);
        return CommandResult.Saved(text["Produk \"{0}\" dihapus.", product.Name], productId);
    }
}
