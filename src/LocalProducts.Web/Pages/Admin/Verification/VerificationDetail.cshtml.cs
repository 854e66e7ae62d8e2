using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Verification;

/// One IKM to verify: everything staff check, its pending products, and the two decisions. The NIB
/// check can be recorded whatever the IKM's state.
public sealed class VerificationDetailModel(VerificationQueueQuery query, VerifyIkmCommand verify, RecordNibCheckCommand nibCheck, TimeProvider clock)
    : PageModel
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public IkmReviewView View { get; private set; } = null!;

    /// The latest day a NIB check can be recorded for.
    public DateOnly Today => Wib.Today(clock);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await query.DetailAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Input.Version = view.Version;
        Input.CheckedOn = Wib.Today(clock);
        return Page();
    }

    public async Task<IActionResult> OnPostNibCheckAsync(int id, CancellationToken cancellationToken)
    {
        var result = await nibCheck.RunAsync(User, id, Input.Version, Input.CheckedOn, cancellationToken);
        if (result.IsSaved)
        {
            TempData["Notice"] = result.Notice;
            return Redirect($"/admin/verifikasi/{id}");
        }
        return await DecideAsync(id, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, await verify.ApproveAsync(User, id, Input.Version, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken cancellationToken) =>
        await DecideAsync(id, await verify.RejectAsync(User, id, Input.Version, Input.Reason, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, CommandResult result, CancellationToken cancellationToken)
    {
        if (result.Status == CommandStatus.NotFound || await query.DetailAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        if (result.IsSaved)
        {
            TempData["Notice"] = result.Notice;
            return Redirect("/admin/verifikasi");
        }
        ModelState.AddResult(result);
        View = view;
        // Decide again on what is shown now.
        ModelState.Remove("Input.Version");
        Input.Version = view.Version;
        Input.CheckedOn ??= Wib.Today(clock);
        return Page();
    }

    public sealed class DecisionInput
    {
        public uint Version { get; set; }

        [StringLength(1000, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Alasan penolakan")]
        public string? Reason { get; set; }

        [Display(Name = "Tanggal NIB diperiksa (WIB)")]
        public DateOnly? CheckedOn { get; set; }
    }
}
