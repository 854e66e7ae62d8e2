using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

/// The link mailed after a sign-up. Opening it shows a button, and only the button confirms:
/// mail scanners that fetch every link in a message must not confirm an address for its owner.
public sealed class ConfirmEntryModel(RoundSignUpQuery query, EntryToConfirmQuery handles, ConfirmEntryCommand confirm) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int EntryId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    public RoundSignUpView View { get; private set; } = null!;

    public IReadOnlyList<HandleToConfirm> Handles { get; private set; } = [];

    [TempData(Key = nameof(SignUpModel.SignedUp))]
    public string? Confirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(string campaignSlug, string roundSlug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(campaignSlug, roundSlug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        Handles = await handles.RunAsync(view.Id, EntryId, Code, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string campaignSlug, string roundSlug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(campaignSlug, roundSlug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        var result = await confirm.RunAsync(campaignSlug, roundSlug, EntryId, Code, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                // Shown once on the round's sign-up page.
                Confirmed = result.Notice;
                return Redirect(view.SignUpPath);
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        Handles = await handles.RunAsync(view.Id, EntryId, Code, cancellationToken);
        return Page();
    }
}
