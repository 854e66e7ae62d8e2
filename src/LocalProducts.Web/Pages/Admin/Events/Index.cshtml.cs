using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Events;

public sealed class IndexModel(EventAdminListQuery query) : PageModel
{
    public IReadOnlyList<EventAdminRow> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Events = await query.RunAsync(cancellationToken);
}
