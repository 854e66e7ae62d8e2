using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Products;

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
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }
        // The list has no form to show errors beside: a refusal is told like a notice.
        TempData["Notice"] = result.IsSaved ? result.Notice : result.Errors[0].Message;
        return Redirect("/dasbor/produk");
    }
}
