using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Account.Manage;

/// Two-factor sign-in with an authenticator app: scan the QR code (or type the key), confirm with
/// a code, keep the recovery codes, shown once. Staff and admins are sent here (wajib=1) until
/// they have set it up, and may not turn it off; they see a key only when they come with a valid
/// one-time link from an admin (undangan=…).
public sealed class TwoFactorModel(UserManager<AppUser> users, AccountQuery account, TwoFactorCommand twoFactor, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public AccountView View { get; private set; } = null!;
    public AuthenticatorSetup? Setup { get; private set; }
    /// Recovery codes just made: shown on this response only, never stored for display.
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// Each form binds only its own input (as a handler parameter), so one form's required
    /// fields never fail the other's.
    public CodeInput Input { get; set; } = new();

    public PasswordInput Disable { get; set; } = new();

    /// "1" when a staff page sent the reader here (a string: "1" is not a bool to the binder).
    [BindProperty(SupportsGet = true, Name = "wajib")]
    public string? RequiredFlag { get; set; }

    public bool Required => RequiredFlag == "1";

    [BindProperty(SupportsGet = true, Name = "kembali")]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    /// The one-time set-up link's token, for staff and admins.
    [BindProperty(SupportsGet = true, Name = TwoFactorEnrolmentLinks.QueryName)]
    public string? EnrolmentLink { get; set; }

    /// Set when a member of staff came without a valid link: no key is shown.
    public bool NeedsEnrolmentLink { get; private set; }

    public string ContinueUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/akun";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }
        if (!user.TwoFactorEnabled)
        {
            await ShowSetupAsync(user);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = nameof(Input))] CodeInput input)
    {
        Input = input;
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (ModelState.IsValid)
        {
            var result = await twoFactor.EnableAsync(user, Input.Code, EnrolmentLink);
            switch (result.Outcome)
            {
                case TwoFactorCommand.EnableOutcome.Enabled:
                    RecoveryCodes = result.RecoveryCodes;
                    View = (await account.RunAsync(User))!;
                    return Page();
                case TwoFactorCommand.EnableOutcome.LinkRefused:
                    NeedsEnrolmentLink = true;
                    Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Page();
                default:
                    ModelState.AddModelError("Input.Code", text["Kode salah atau sudah tidak berlaku. Periksa jam ponsel Anda, lalu coba kode yang baru."]);
                    break;
            }
        }
        if (!await ShowSetupAsync(user))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        return Page();
    }

    /// The key to scan, for those allowed to enrol now; false (no key) for staff without a link.
    private async Task<bool> ShowSetupAsync(AppUser user)
    {
        if (!await twoFactor.MayEnrolAsync(user, EnrolmentLink))
        {
            NeedsEnrolmentLink = true;
            return false;
        }
        Setup = await twoFactor.SetupAsync(user);
        return true;
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await LoadAsync() is not { TwoFactorEnabled: true } user)
        {
            return RedirectToPage();
        }
        RecoveryCodes = await twoFactor.NewRecoveryCodesAsync(user);
        View = (await account.RunAsync(User))!;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync([Bind(Prefix = nameof(Disable))] PasswordInput disable)
    {
        Disable = disable;
        if (await LoadAsync() is not { TwoFactorEnabled: true } user)
        {
            return RedirectToPage();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await twoFactor.DisableAsync(user, Disable.Password))
        {
            case TwoFactorCommand.DisableResult.Disabled:
                return RedirectToPage(new { pesan = "mati" });
            case TwoFactorCommand.DisableResult.NotAllowedForRole:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                ModelState.AddModelError(string.Empty, text["Staf dan admin wajib memakai verifikasi dua langkah; fitur ini tidak bisa dimatikan untuk akun Anda."]);
                return Page();
            default:
                ModelState.AddModelError("Disable.Password", text["Kata sandi salah."]);
                return Page();
        }
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            View = (await account.RunAsync(User))!;
        }
        return user;
    }

    public sealed class CodeInput
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(20, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [Display(Name = "Kode 6 angka dari aplikasi")]
        public string Code { get; set; } = "";
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
        [DataType(DataType.Password)]
        [Display(Name = "Kata sandi")]
        public string Password { get; set; } = "";
    }
}
