using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

/// Log-out is a POST (with antiforgery) so a link elsewhere cannot sign someone out; the GET shows
/// the button. It ends the session on the server, so a copied cookie dies with it; the account's
/// other sessions (another device) go on.
public sealed class LogoutModel(SignInManager<AppUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Not only this browser's cookie: any copy of it stops working too.
        await Sessions.EndAsync(HttpContext, signIn);
        return LocalRedirect("/");
    }
}
