using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// metadata.json of the impact downloads; 404 when there are no figures to describe.
public sealed class ImpactMetadataDownloadModel(ImpactQuery query, IAuthorizationService authorization, PublicAddress site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, await ImpactAccess.IsStaffAsync(authorization, HttpContext), cancellationToken);
        if (view?.Result is null)
        {
            return NotFound();
        }
        ImpactAccess.AllowShortPublicCache(HttpContext, view);
        return Content(ImpactMetadata.Write(view, site.Origin), "application/json; charset=utf-8");
    }
}
