using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Account;

/// Log-in for staff and IKM owners. Failures count towards Identity's lockout; the message never
/// says whether the e-mail exists. Limited per client address (the filter) and per account (here),
/// across all instances.
[RateLimitPosts(RateLimitBuckets.LogIn)]
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    PostgresRateLimiter limiter,
    IStringLocalizer<SharedResource> text,
    TimeProvider clock,
    ILogger<LoginModel> logger) : PageModel
{
    public const string PasswordChangedMessage = "sandi-diubah";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    /// Set when the password was right but the address is not confirmed yet.
    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Message = null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var perAccount = await limiter.HitAsync(RateLimitBuckets.LogInAccount, RateLimitKeys.ForEmail(email), HttpContext.RequestAborted);
        if (!perAccount.Allowed)
        {
            logger.LogWarning("Rate limit {Bucket} reached for one account", RateLimitBuckets.LogInAccount);
            return RateLimitResponse.Page(this, perAccount, text, clock);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user!.Id);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : Roles.HomePath(await signIn.UserManager.GetRolesAsync(user)));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginTwoFactor", new { kembali = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null, ingat = Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Log-in refused: user {UserId} is locked out", user!.Id);
            ModelState.AddModelError(string.Empty, user.LockoutEnd >= AppUser.LockedUntilLifted
                ? text["Akun ini dikunci oleh admin. Hubungi admin Melokal di kementerian."]
                : text["Terlalu banyak percobaan gagal. Akun dikunci sementara; coba lagi dalam 15 menit, atau atur ulang kata sandi."]);
            return Page();
        }
        // Not allowed = e-mail not confirmed. Identity says so before it checks the password; say it
        // only to someone who knows the password, so the message reveals nothing to others.
        if (result.IsNotAllowed)
        {
            if (await signIn.UserManager.CheckPasswordAsync(user!, Input.Password))
            {
                NeedsConfirmation = true;
                ModelState.AddModelError(string.Empty, text["Alamat e-mail akun ini belum dikonfirmasi. Buka tautan di e-mail pendaftaran, atau minta tautan baru."]);
                return Page();
            }
            // Identity does not count this failure itself; count it, so guessing still locks.
            await signIn.UserManager.AccessFailedAsync(user!);
        }

        logger.LogInformation("Log-in failed");
        ModelState.AddModelError(string.Empty, text["E-mail atau kata sandi salah."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [EmailAddress(ErrorMessage = "{0} tidak valid.")]
        [StringLength(256, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Isi {0}.")]
        [DataType(DataType.Password)]
        [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";

        [Display(Name = "Ingat saya di perangkat ini")]
        public bool RememberMe { get; set; }
    }
}
