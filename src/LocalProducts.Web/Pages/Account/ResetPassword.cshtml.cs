using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Account;

/// The link from the reset e-mail: a new password, twice. The link's id and code travel in the
/// form's hidden fields and are checked only on POST.
[RateLimitPosts(RateLimitBuckets.ResetPassword)]
public sealed class ResetPasswordModel(ResetPasswordCommand reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "id")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool LinkLooksBroken => UserId == Guid.Empty || string.IsNullOrWhiteSpace(Code);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (LinkLooksBroken)
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await reset.RunAsync(UserId, Code, Input.Password);
        if (result.Succeeded)
        {
            return Redirect("/akun/masuk?pesan=" + LoginModel.PasswordChangedMessage);
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password", error.Description);
        }
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi baru")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [Compare(nameof(Password), ErrorMessage = "Kedua kata sandi tidak sama.")]
        [DataType(DataType.Password)]
        [Display(Name = "Ulangi kata sandi baru")]
        public string ConfirmPassword { get; set; } = "";
    }
}
