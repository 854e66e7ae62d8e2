using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account.Manage;

/// Checking the current password here is a password guess like any log-in: limited the same way.
[RateLimitPosts(RateLimitBuckets.LogIn)]
public sealed class ChangePasswordModel(ManageAccountCommand manage) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await manage.ChangePasswordAsync(User, Input.CurrentPassword, Input.NewPassword);
        if (result.Succeeded)
        {
            return RedirectToPage("Index", new { pesan = IndexModel.PasswordChangedMessage });
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
        }
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi sekarang")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi baru")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [Compare(nameof(NewPassword), ErrorMessage = "Kedua kata sandi tidak sama.")]
        [DataType(DataType.Password)]
        [Display(Name = "Ulangi kata sandi baru")]
        public string ConfirmPassword { get; set; } = "";
    }
}
