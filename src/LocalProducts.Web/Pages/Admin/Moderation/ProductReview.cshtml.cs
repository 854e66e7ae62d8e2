using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Moderation;

/// One listing as staff see it, with the decisions its state allows: approve, hide with a
/// reason, show again.
public sealed class ProductReviewModel(StaffProductQuery query, ModerateProductCommand moderate) : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public StaffProductDetail View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await query.DetailAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Input.Version = view.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, await moderate.ApproveAsync(User, id, Input.Version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostHideAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, await moderate.HideAsync(User, id, Input.Version, Input.Reason, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostUnhideAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, await moderate.UnhideAsync(User, id, Input.Version, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, CommandResult result, CancellationToken cancellationToken)
    {
        if (result.Status == CommandStatus.NotFound || await query.DetailAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        if (result.IsSaved)
        {
            TempData["Notice"] = result.Notice;
            return Redirect($"/admin/produk/{id}");
        }
        ModelState.AddResult(result);
        View = view;
        ModelState.Remove("Input.Version");
        Input.Version = view.Version;
        return Page();
    }

    public sealed class DecisionInput
    {
        public uint Version { get; set; }

        [StringLength(1000, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Alasan disembunyikan")]
        public string? Reason { get; set; }
    }
}
