using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Account;

/// The second log-in step: a code from the authenticator app, or one of the recovery codes. Wrong
/// codes count towards the lockout, and the step is rate-limited like the first.
[RateLimitPosts(RateLimitBuckets.TwoFactor)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text, ILogger<LoginTwoFactorModel> logger)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnUrl { get; set; }

    /// "Remember me" from the first step: whether the session cookie outlives the browser.
    [BindProperty(SupportsGet = true, Name = "ingat")]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToFirstStep() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return BackToFirstStep();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = TwoFactorCodes.Normalize(Input.Code);
        var result = TwoFactorCodes.IsAuthenticatorCode(code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberDevice)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorCodes.NormalizeRecoveryCode(Input.Code));
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a second factor ({Kind})", user.Id,
                TwoFactorCodes.IsAuthenticatorCode(code) ? "authenticator" : "recovery code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Roles.HomePath(await signIn.UserManager.GetRolesAsync(user)));
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Second log-in step refused: user {UserId} is locked out", user.Id);
            ModelState.AddModelError(string.Empty, text["Terlalu banyak percobaan gagal. Akun dikunci sementara; coba lagi dalam 15 menit, atau atur ulang kata sandi."]);
            return Page();
        }
        logger.LogInformation("Second log-in step failed for user {UserId}", user.Id);
        ModelState.AddModelError("Input.Code", text["Kode salah atau sudah tidak berlaku. Periksa jam ponsel Anda, lalu coba kode yang baru."]);
        return Page();
    }

    private RedirectResult BackToFirstStep() =>
        Redirect("/akun/masuk" + (Url.IsLocalUrl(ReturnUrl) ? "?kembali=" + Uri.EscapeDataString(ReturnUrl) : ""));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(40, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Kode verifikasi")]
        public string Code { get; set; } = "";

        [Display(Name = "Jangan tanya lagi di perangkat ini selama 14 hari")]
        public bool RememberDevice { get; set; }
    }
}
