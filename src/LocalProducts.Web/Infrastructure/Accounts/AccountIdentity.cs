using System.Security.Claims;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Infrastructure.Accounts;

public static class AccountClaims
{
    /// Present when the account has two-factor sign-in on. Made from the user row each time the
    /// cookie is re-validated, so it follows the account, not how this session signed in.
    public const string TwoFactorEnabled = "melokal:2fa";
}

/// The cookie's claims: Identity's (id, name, roles, security stamp) and whether the account has
/// two-factor sign-in, which staff pages require.
public sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(AccountClaims.TwoFactorEnabled, "true"));
        }
        return identity;
    }
}

/// Refuses the long passwords that are still easy to guess (<see cref="PasswordRules"/>).
public sealed class WeakPasswordValidator(IStringLocalizer<SharedResource> text) : IPasswordValidator<AppUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var email = user.Email ?? await manager.GetEmailAsync(user);
        var problems = PasswordRules.Check(password ?? "", email, user.DisplayName);
        return problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(problem => problem switch
            {
                PasswordRules.Problem.Common => new IdentityError { Code = "PasswordCommon", Description = text["Kata sandi ini terlalu umum dan mudah ditebak. Pakai beberapa kata yang tidak berhubungan."] },
                PasswordRules.Problem.Pattern => new IdentityError { Code = "PasswordPattern", Description = text["Kata sandi ini hanya pola berulang atau urutan tombol. Pakai beberapa kata yang tidak berhubungan."] },
                _ => new IdentityError { Code = "PasswordPersonal", Description = text["Kata sandi ini terlalu mirip dengan nama atau alamat e-mail Anda."] },
            })]);
    }
}

/// Identity's messages in the reader's language.
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), text["Terjadi kesalahan. Coba lagi."]);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), text["Akun ini baru saja diubah di tempat lain. Muat ulang halaman lalu coba lagi."]);
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), text["Kata sandi salah."]);
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), text["Tautan ini sudah kedaluwarsa atau sudah dipakai. Minta tautan baru."]);
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), text["Alamat e-mail tidak valid."]);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), text["Alamat e-mail tidak valid."]);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), text["Alamat e-mail ini sudah dipakai."]);
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), text["Alamat e-mail ini sudah dipakai."]);
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), text["Kata sandi minimal {0} karakter.", length]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), text["Kata sandi harus memuat paling sedikit {0} karakter yang berbeda.", uniqueChars]);
    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), text["Kode pemulihan salah atau sudah dipakai."]);
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), text["Pengguna sudah memiliki peran {0}.", role]);
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), text["Pengguna tidak memiliki peran {0}.", role]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

/// E-mail confirmation links live longer than password-reset links, and use a protector of their
/// own, so one kind of token can never stand in for the other.
public sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<EmailConfirmationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "EmailConfirmation";
}

public sealed class EmailConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public EmailConfirmationTokenProviderOptions()
    {
        Name = EmailConfirmationTokenProvider.ProviderName;
        TokenLifespan = AccountSetup.ConfirmationLinkLifetime;
    }
}
