using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The IKM whose sales the signed-in user may write: their own, checked by the same
/// authorization handler as every other change to an IKM. Every sales handler asks here.
public static class SalesOwner
{
    public static async Task<Domain.Ikm?> IkmAsync(AppDbContext db, IAuthorizationService authorization, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(user) is not { } ownerId)
        {
            return null;
        }
        var ikm = await OwnedIkm.Of(db, ownerId).FirstOrDefaultAsync(cancellationToken);
        return ikm is not null && (await authorization.AuthorizeAsync(user, ikm, Operations.Edit)).Succeeded ? ikm : null;
    }
}
