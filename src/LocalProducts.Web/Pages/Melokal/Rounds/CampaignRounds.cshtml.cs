using LocalProducts.Web.Pages.Campaigns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.Rounds;

/// A campaign's Melokal rounds. Not output-cached: imports write the figures in bulk, past the
/// cache eviction; a minute in the reader's cache is allowed.
public sealed class CampaignRoundsModel(CampaignRoundsQuery query, CampaignSlugRedirectQuery redirects) : PageModel
{
    public CampaignRounds View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, cancellationToken);
        if (view is null)
        {
            return await redirects.RunAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/kampanye/{current}/melokal")
                : NotFound();
        }
        View = view;
        MelokalCaching.AllowShortPublicCache(HttpContext);
        return Page();
    }
}
