using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

/// The one neutral answer after registering, asking for a link again or for a password reset: it
/// says an e-mail is on its way if the address can receive one, never whether it has an account.
public sealed class CheckEmailModel : PageModel
{
    public const string Registered = "daftar";
    public const string Confirmation = "konfirmasi";
    public const string Reset = "sandi";

    [BindProperty(SupportsGet = true, Name = "untuk")]
    public string? Purpose { get; set; }

    public void OnGet()
    {
    }
}
