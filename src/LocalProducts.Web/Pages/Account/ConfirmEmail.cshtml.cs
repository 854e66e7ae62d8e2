using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

/// The link from the confirmation e-mail. Opening it confirms the address: a mail scanner that
/// opens it first confirms on behalf of the mailbox's owner, which is harmless.
public sealed class ConfirmEmailModel(ConfirmEmailCommand confirm) : PageModel
{
    public ConfirmEmailResult Result { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "id")] Guid id, [FromQuery(Name = "kode")] string? code)
    {
        Result = await confirm.RunAsync(id, code);
        if (Result == ConfirmEmailResult.Invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
