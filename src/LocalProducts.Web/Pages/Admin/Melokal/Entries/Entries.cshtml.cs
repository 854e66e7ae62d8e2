using LocalProducts.Web.Domain.Melokal;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Entries;

/// A round's sign-ups: those waiting for a decision first, each with approve and decline.
public sealed class EntriesModel(RoundEntriesQuery query, DecideEntryCommand decide) : PageModel
{
    public RoundEntries View { get; private set; } = null!;

    /// The entry whose decline was refused: its form shows the message and keeps the reason typed.
    public int? FailedEntryId { get; private set; }

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
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(int id, int entryId, EntryStatus seen, CancellationToken cancellationToken) =>
        DecideAsync(id, entryId, EntryDecision.Approve, seen, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(int id, int entryId, EntryStatus seen, CancellationToken cancellationToken) =>
        DecideAsync(id, entryId, EntryDecision.Decline, seen, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, int entryId, EntryDecision decision, EntryStatus seen, CancellationToken cancellationToken)
    {
        var result = await decide.RunAsync(User, id, entryId, decision, seen, Reason, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/admin/melokal/{id}/peserta");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        FailedEntryId = result.Errors.Any(e => e.Field == nameof(Reason)) ? entryId : null;
        var view = await query.RunAsync(id, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
