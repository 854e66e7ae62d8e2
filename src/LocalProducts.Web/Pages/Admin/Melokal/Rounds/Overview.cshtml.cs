using LocalProducts.Web.Domain.Melokal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// One round for staff: settings, state and history, the moves allowed now, counts and links.
public sealed class OverviewModel(RoundOverviewQuery query, MoveRoundCommand move) : PageModel
{
    public RoundOverview View { get; private set; } = null!;

    [BindProperty]
    public uint Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Version = view.Round.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, RoundState to, CancellationToken cancellationToken)
    {
        var result = await move.RunAsync(User, id, Version, to, Reason, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/melokal/{id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result, nameof(Version));
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Version = view.Round.Version;
        return Page();
    }
}
