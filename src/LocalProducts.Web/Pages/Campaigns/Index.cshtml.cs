using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Campaigns;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class IndexModel(CampaignListQuery query) : PageModel
{
    public IReadOnlyList<CampaignListItem> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Campaigns = await query.RunAsync(SiteText.IsEnglish, cancellationToken);
}
