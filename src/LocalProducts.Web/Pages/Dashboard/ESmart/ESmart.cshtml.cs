using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.ESmart;

/// The owner's e-Smart IKM classes: open cohorts to apply to, and their applications.
public sealed class ESmartModel(OwnerESmartQuery query, ApplyToCohortCommand apply) : PageModel
{
    public OwnerESmartView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        View = await query.RunAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int cohortId, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        var result = await apply.RunAsync(ownerId, cohortId, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/dasbor/e-smart-ikm");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        View = await query.RunAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        return Page();
    }
}
