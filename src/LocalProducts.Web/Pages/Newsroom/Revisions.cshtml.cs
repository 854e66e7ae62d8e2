using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Newsroom;

/// A post's versions: compare two (GET with "dari" and "ke", no script needed) and restore one (POST).
public sealed class RevisionsModel(PostRevisionsQuery query, RestorePostRevisionCommand restore) : PageModel
{
    public PostRevisionsView View { get; private set; } = null!;

    public bool MayRestore { get; private set; }

    [FromQuery(Name = "dari")]
    public int? From { get; set; }

    [FromQuery(Name = "ke")]
    public int? To { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, [FromForm(Name = "nomor")] int number, CancellationToken cancellationToken)
    {
        var actor = NewsroomActors.Of(User);
        var result = await restore.RunAsync(actor, id, number, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Saved = "revisi";
                return Redirect($"/redaksi/{id}/ubah");
            case CommandStatus.Forbidden:
                return Forbid();
            case CommandStatus.NotFound:
                return NotFound();
        }
        var denied = await ShowAsync(id, cancellationToken);
        if (denied is not null)
        {
            return denied;
        }
        ModelState.AddResult(result);
        return Page();
    }

    private async Task<IActionResult?> ShowAsync(int id, CancellationToken cancellationToken)
    {
        var actor = NewsroomActors.Of(User);
        var view = await query.RunAsync(id, From, To, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        if (!Domain.PostWorkflow.MayOpen(actor, view.AuthorId))
        {
            return Forbid();
        }
        // Without a choice, the last change: the newest version against the one before.
        if (view.Comparison is null && From is null && To is null && view.Revisions.Count >= 2)
        {
            From = view.Revisions[1].Number;
            To = view.Revisions[0].Number;
            view = await query.RunAsync(id, From, To, cancellationToken) ?? view;
        }
        View = view;
        MayRestore = Domain.PostWorkflow.Check(actor, view.AuthorId, view.State, Domain.PostMove.Save) == Domain.MoveCheck.Allowed;
        return null;
    }
}
