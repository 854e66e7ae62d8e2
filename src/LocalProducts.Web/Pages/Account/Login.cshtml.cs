using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Pages.Account;

/// Log-in for staff and IKM owners. Failures count towards Identity's lockout; neither the message
/// nor the time taken says whether the e-mail exists. Limited per client address (the filter) and
/// failures per account (here), across all instances.
[RateLimitPosts(RateLimitBuckets.LogIn)]
public sealed class LoginModel(
    SignInManager<AppUser> signIn,
    PostgresRateLimiter limiter,
    IOptionsMonitor<RateLimitOptions> rateLimits,
    UnknownAccountLogIns unknownAccounts,
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
        var accountKey = RateLimitKeys.ForEmail(email);
        var cancellationToken = HttpContext.RequestAborted;
        // Only failures count against the address, and past its limit every attempt waits longer
        // instead of being refused: strangers sending wrong passwords cannot keep the owner out.
        var failures = await limiter.PeekAsync(RateLimitBuckets.LogInAccount, accountKey, cancellationToken);
        var delay = rateLimits.CurrentValue.LogInDelayFor(failures);
        if (delay > TimeSpan.Zero)
        {
            logger.LogWarning("Rate limit {Bucket} reached for one account; slowing its log-ins", RateLimitBuckets.LogInAccount);
            await Task.Delay(delay, clock, cancellationToken);
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        // Identity refuses a locked account before it checks any password; then one is checked
        // below, so that every attempt costs one password hash.
        var lockedBefore = user is not null && await signIn.UserManager.IsLockedOutAsync(user);
        // An unknown address costs a password hash and locks like an account, so that neither the
        // time taken nor the messages below say whether it exists.
        var result = user is null ? await unknownAccounts.SignInAsync(email, Input.Password, cancellationToken)
            : lockedBefore ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
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
            // That an admin locked the account is said only to someone who knows its password.
            if (user?.LockoutEnd >= AppUser.LockedUntilLifted)
            {
                if (await signIn.UserManager.CheckPasswordAsync(user!, Input.Password))
                {
                    logger.LogWarning("Log-in refused: user {UserId} is locked by an admin", user!.Id);
                    ModelState.AddModelError(string.Empty, text["Akun ini dikunci oleh admin. Hubungi admin Melokal di kementerian."]);
                    return Page();
                }
                logger.LogInformation("Log-in failed");
                return await FailedAsync(accountKey, text["E-mail atau kata sandi salah."]);
            }
            if (lockedBefore)
            {
                unknownAccounts.CheckDummyPassword(Input.Password);
            }
            logger.LogWarning("Log-in refused: the account is locked out");
            return await FailedAsync(accountKey, text["Terlalu banyak percobaan gagal. Akun dikunci sementara; coba lagi dalam 15 menit, atau atur ulang kata sandi."]);
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
            if (await signIn.UserManager.IsLockedOutAsync(user!))
            {
                return await FailedAsync(accountKey, text["Terlalu banyak percobaan gagal. Akun dikunci sementara; coba lagi dalam 15 menit, atau atur ulang kata sandi."]);
            }
        }

        logger.LogInformation("Log-in failed");
        return await FailedAsync(accountKey, text["E-mail atau kata sandi salah."]);
    }

    /// A failed attempt counts against the address; over the limit the answer is HTTP 429, the
    /// same for every address, whether it has an account or not.
    private async Task<IActionResult> FailedAsync(string accountKey, string message)
    {
        var counted = await limiter.HitAsync(RateLimitBuckets.LogInAccount, accountKey, HttpContext.RequestAborted);
        if (!counted.Allowed)
        {
            logger.LogWarning("Rate limit {Bucket} reached for one account", RateLimitBuckets.LogInAccount);
            return RateLimitResponse.Page(this, counted, text, clock);
        }
        ModelState.AddModelError(string.Empty, message);
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
