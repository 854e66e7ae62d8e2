using LocalProducts.Web.Pages.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// /kampanye/{slug}/dampak: the campaign's impact computed from the sales reports.
public sealed class ImpactModel(ImpactQuery query, CampaignSlugRedirectQuery redirects, IAuthorizationService authorization, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public ImpactView View { get; private set; } = null!;
    public IReadOnlyList<Chart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, await ImpactAccess.IsStaffAsync(authorization, HttpContext), cancellationToken);
        if (view is null)
        {
            return await redirects.RunAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/kampanye/{current}/dampak")
                : NotFound();
        }
        View = view;
        if (view.Result is not null)
        {
            Charts = ImpactCharts.Build(view, text, SiteText.IsEnglish);
        }
        ImpactAccess.AllowShortPublicCache(HttpContext, view);
        return Page();
    }
}
