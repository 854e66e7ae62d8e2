using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// Staff see an unpublished plan's figures (a preview); anyone else sees the published ones, and
/// anonymous readers' browsers may keep a published answer a minute.
public static class ImpactAccess
{
    public const int MaxAgeSeconds = 60;

    public static async Task<bool> IsStaffAsync(IAuthorizationService authorization, HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(context.User, Policies.Staff)).Succeeded;

    public static void AllowShortPublicCache(HttpContext context, ImpactView view)
    {
        if (context.User.Identity?.IsAuthenticated != true && !view.IsPreview)
        {
            context.Response.Headers.CacheControl = $"public, max-age={MaxAgeSeconds}";
        }
    }
}
