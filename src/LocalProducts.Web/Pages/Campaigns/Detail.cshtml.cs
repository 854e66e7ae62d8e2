using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Campaigns;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class DetailModel(CampaignDetailQuery query, CampaignSlugRedirectQuery redirects) : PageModel
{
    public CampaignView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, SiteText.IsEnglish, cancellationToken);
        if (view is null)
        {
            return await redirects.RunAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/kampanye/{current}")
                : NotFound();
        }
        View = view;
        return Page();
    }
}
