using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard;

/// The owner's products with what they can do to each: edit, hide or show, delete.
public sealed class ProductListModel(DashboardQuery query, HideProductCommand hideProduct) : PageModel
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

    public Task<IActionResult> OnPostHideAsync(int id, CancellationToken cancellationToken) => ChangeAsync(id, hide: true, cancellationToken);

    public Task<IActionResult> OnPostShowAsync(int id, CancellationToken cancellationToken) => ChangeAsync(id, hide: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, bool hide, CancellationToken cancellationToken)
    {
        var result = await hideProduct.RunAsync(User, id, hide, cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.Saved:
                TempData["Notice"] = result.Notice;
                break;
            default:
                TempData["Notice"] = result.Errors[0].Message;
                break;
        }
        return Redirect("/dasbor/produk");
    }
}
