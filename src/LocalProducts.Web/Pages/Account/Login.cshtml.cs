using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Account;

/// Log-in for staff and IKM owners. Failures count towards Identity's lockout; the message never
/// says whether the e-mail exists.
public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text, ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Log-in refused: account locked out");
            ModelState.AddModelError(string.Empty, text["Terlalu banyak percobaan gagal. Akun dikunci sementara; coba lagi dalam 15 menit."]);
            return Page();
        }

        logger.LogInformation("Log-in failed");
        ModelState.AddModelError(string.Empty, text["E-mail atau kata sandi salah."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [EmailAddress(ErrorMessage = "{0} tidak valid.")]
        [StringLength(256)]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [DataType(DataType.Password)]
        [StringLength(200)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";

        [Display(Name = "Ingat saya di perangkat ini")]
        public bool RememberMe { get; set; }
    }
}
