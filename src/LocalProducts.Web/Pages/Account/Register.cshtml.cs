using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

/// Registration for IKM owners (staff get their roles from an admin). The answer is the same
/// whether or not the address already has an account.
[RateLimitPosts(RateLimitBuckets.Register)]
public sealed class RegisterModel(RegisterAccountCommand register) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var problems = await register.RunAsync(Input.DisplayName, Input.Email, Input.Password, cancellationToken);
        foreach (var problem in problems)
        {
            ModelState.AddModelError("Input.Password", problem);
        }
        return problems.Count > 0 ? Page() : RedirectToPage("CheckEmail", new { untuk = CheckEmailModel.Registered });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(AppUser.DisplayNameMaxLength, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Nama tampilan")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [EmailAddress(ErrorMessage = "{0} tidak valid.")]
        [StringLength(256, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [Compare(nameof(Password), ErrorMessage = "Kedua kata sandi tidak sama.")]
        [DataType(DataType.Password)]
        [Display(Name = "Ulangi kata sandi")]
        public string ConfirmPassword { get; set; } = "";
    }
}
