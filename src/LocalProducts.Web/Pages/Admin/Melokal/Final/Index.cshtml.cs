using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

/// Finalising a round (the ranking frozen, the announcement drafted), and changes after that.
public sealed class IndexModel(RoundFinalQuery query, FinaliseRoundCommand finalise, ChangeFinalRankingCommand change) : PageModel
{
    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public ChangeFinalForm Change { get; set; } = new();

    public RoundFinalView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await ShowAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostFinaliseAsync(int id, CancellationToken cancellationToken)
    {
        var result = await finalise.RunAsync(User, id, Version, cancellationToken);
        return await AfterAsync(id, result, "Version", cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken)
    {
        var result = await change.RunAsync(User, id, Change, cancellationToken);
        return await AfterAsync(id, result, "Change.Version", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, CommandResult result, string versionKey, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/melokal/{id}/final");
        }
        ModelState.AddResult(result, versionKey);
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
        // Every form acts on the round as shown now.
        ModelState.Remove("Version");
        ModelState.Remove("Change.Version");
        Version = view.Version;
        Change.Version = view.Version;
        return Page();
    }
}
