using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.ESmart;

public sealed class IndexModel(CohortListQuery query) : PageModel
{
    public IReadOnlyList<CohortListRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await query.RunAsync(cancellationToken);
}
