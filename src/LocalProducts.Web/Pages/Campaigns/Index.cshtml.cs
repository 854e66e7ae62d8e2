using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Campaigns;

public sealed class IndexModel(CampaignListQuery query) : PageModel
{
    public IReadOnlyList<CampaignListItem> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Campaigns = await query.RunAsync(cancellationToken);
}
