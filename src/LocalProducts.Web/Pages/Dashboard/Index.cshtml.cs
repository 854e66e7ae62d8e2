using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard;

public sealed class IndexModel(DashboardQuery query) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        View = await query.RunAsync(ownerId, cancellationToken);
        return Page();
    }
}
