using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Infrastructure.Images;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Qris;

/// The owner adds, replaces or removes the static QRIS image of their IKM, which the maker's
/// public page shows with the merchant name once the IKM is verified.
[ImageUploadLimits]
public sealed class QrisModel(OwnerQrisQuery query, SaveQrisCommand save, RemoveQrisCommand remove) : PageModel
{
    [BindProperty]
    public QrisForm Input { get; set; } = new();

    public OwnerQrisView View { get; private set; } = null!;
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } noIkm)
        {
            return noIkm;
        }
        Input.MerchantName = View.MerchantName;
        Input.Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await LoadAsync(cancellationToken) ?? Page();
        }
        return await AnswerAsync(await save.RunAsync(User, Input, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken) =>
        await AnswerAsync(await remove.RunAsync(User, Input.Version, cancellationToken), cancellationToken);

    private async Task<IActionResult> AnswerAsync(CommandResult result, CancellationToken cancellationToken)
    {
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/dasbor/qris");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }
        ModelState.AddResult(result);
        if (result.Current is FieldConflict conflict)
        {
            Conflict = conflict.Rows;
            Input.Version = conflict.Version;
        }
        return await LoadAsync(cancellationToken) ?? Page();
    }

    /// Null when the owner has an IKM (View is set); otherwise where to send them: register first.
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return Forbid();
        }
        if (await query.RunAsync(ownerId, cancellationToken) is not { } view)
        {
            return Redirect("/dasbor/usaha");
        }
        View = view;
        return null;
    }
}
