using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Charts;

/// The owner's sales as charts, from their own counted reports. Personal figures: never cached.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SalesChartsModel(OwnerSalesChartsQuery query) : PageModel
{
    public OwnerSalesCharts View { get; private set; } = null!;

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
