using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

public sealed class IndexModel(CampaignAdminListQuery query) : PageModel
{
    public IReadOnlyList<CampaignAdminRow> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Campaigns = await query.RunAsync(cancellationToken);
}
