using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// The round's fairness flags: check them again, and resolve each with a reason.
public sealed class IndexModel(RoundFlagsQuery query, CheckRoundFlagsCommand check, ResolveFlagCommand resolve) : PageModel
{
    [BindProperty]
    public ResolveFlagForm Input { get; set; } = new();

    public RoundFlagsView View { get; private set; } = null!;

    /// The flag whose form was refused, to show its messages beside it.
    public long? FailedFlagId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await check.RunAsync(id, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return NotFound();
        }
        if (result.IsSaved)
        {
            TempData["Notice"] = result.Notice;
            return Redirect($"/admin/melokal/{id}/tanda");
        }
        ModelState.AddResult(result);
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostResolveAsync(int id, CancellationToken cancellationToken)
    {
        var result = await resolve.RunAsync(User, id, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/melokal/{id}/tanda");
        }
        ModelState.AddResult(result);
        FailedFlagId = Input.FlagId;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
