using LocalProducts.Web.Pages.Melokal.SignUp;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Events;

/// The link mailed to a registrant. Opening it shows a button, and only the button confirms:
/// mail scanners that fetch every link in a message must not confirm an address for its owner.
public sealed class ConfirmModel(EventDetailQuery query, ConfirmRegistrationCommand confirm, EventRoundsQuery rounds) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public int RegistrationId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    public EventDetail View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(slug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(slug, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        var result = await confirm.RunAsync(slug, RegistrationId, Code, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                // Shown once on the event page, as after a sign-up.
                TempData[nameof(DetailModel.Registered)] = result.Notice;
                // An influencer is pointed on to the Melokal round that follows the event.
                TempData[nameof(DetailModel.MelokalSignUp)] = await rounds.SignUpLinkForRegistrationAsync(result.Id!.Value, cancellationToken);
                return Redirect($"/acara/{slug}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }
}
