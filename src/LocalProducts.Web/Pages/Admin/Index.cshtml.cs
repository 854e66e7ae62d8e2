using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin;

public sealed class IndexModel(StaffHomeQuery query) : PageModel
{
    public StaffHomeView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await query.RunAsync(cancellationToken);
}
