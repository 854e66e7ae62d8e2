using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

[RateLimitPosts(RateLimitBuckets.ResendConfirmation)]
public sealed class ResendConfirmationModel(AccountMailCommand mail) : PageModel
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
        await mail.ResendConfirmationAsync(Input.Email, cancellationToken);
        return RedirectToPage("CheckEmail", new { untuk = CheckEmailModel.Confirmation });
    }
}

/// One e-mail address, for the forms that ask only that.
public sealed class EmailInput
{
    [Required(ErrorMessage = "Isi {0}.")]
    [EmailAddress(ErrorMessage = "{0} tidak valid.")]
    [StringLength(256, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";
}
