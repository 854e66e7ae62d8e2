using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

[RateLimitPosts(RateLimitBuckets.ForgotPassword)]
public sealed class ForgotPasswordModel(AccountMailCommand mail) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await mail.RequestPasswordResetAsync(Input.Email, cancellationToken);
        return RedirectToPage("CheckEmail", new { untuk = CheckEmailModel.Reset });
    }
}
