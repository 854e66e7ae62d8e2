using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Events;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class IndexModel(EventListQuery query) : PageModel
{
    public EventList Events { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Events = await query.RunAsync(cancellationToken);
}
