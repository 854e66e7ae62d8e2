using System.Security.Claims;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace LocalProducts.Web.Pages.Account.Manage;

public sealed record AccountView(string DisplayName, string Email, IReadOnlyList<string> Roles, bool TwoFactorEnabled, int RecoveryCodesLeft)
{
    public bool NeedsTwoFactor => Roles.Any(role => Domain.Roles.NeedTwoFactor.Contains(role));
}

public sealed class AccountQuery(UserManager<AppUser> users)
{
    /// The signed-in person's own account; null when it no longer exists.
    public async Task<AccountView?> RunAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }
        var roles = await users.GetRolesAsync(user);
        return new AccountView(user.DisplayName ?? "", user.Email ?? "", [.. roles.Order(StringComparer.Ordinal)], user.TwoFactorEnabled,
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }
}

/// Changes to one's own account. Changing the password changes the security stamp: every other
/// session of the account ends; this one is signed in again.
public sealed class ManageAccountCommand(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ManageAccountCommand> logger)
{
    public async Task<IdentityResult> UpdateDisplayNameAsync(ClaimsPrincipal principal, string displayName)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        user.DisplayName = AppUser.CleanDisplayName(displayName);
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} changed their display name", user.Id);
        }
        return result;
    }

    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, string currentPassword, string newPassword)
    {
        var user = await users.GetUserAsync(principal) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} changed their password; other sessions end", user.Id);
        }
        return result;
    }
}

public sealed record AuthenticatorSetup(string FormattedKey, string Key, string QrCodeDataUri);

/// Two-factor sign-in with an authenticator app: set up, turn off, new recovery codes. Staff and
/// admins set it up only with a one-time link from an admin (TwoFactorEnrolmentLinks).
public sealed class TwoFactorCommand(
    UserManager<AppUser> users, SignInManager<AppUser> signIn, TwoFactorEnrolmentLinks links, ILogger<TwoFactorCommand> logger)
{
    public const int RecoveryCodeCount = 10;

    public enum EnableOutcome
    {
        Enabled,
        WrongCode,
        /// Staff or admin without a valid link from an admin (or it was just spent elsewhere).
        LinkRefused,
    }

    public sealed record EnableResult(EnableOutcome Outcome, IReadOnlyList<string> RecoveryCodes);

    /// Whether this person may see a key and set up now: anyone but staff and admins, and those
    /// with a valid link.
    public async Task<bool> MayEnrolAsync(AppUser user, string? link) => !await links.IsRequiredAsync(user) || links.IsValid(user, link);

    /// The key to scan. A key made earlier and not yet confirmed is shown again, so reloading the
    /// page does not undo a scan. Making a key changes the security stamp: sign in again at once.
    public async Task<AuthenticatorSetup> SetupAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        var uri = TwoFactorCodes.AuthenticatorUri(user.Email ?? user.UserName ?? "", key);
        return new AuthenticatorSetup(TwoFactorCodes.FormatKey(key), key, TwoFactorCodes.QrCodeDataUri(uri));
    }

    /// Turns two-factor sign-in on when the code matches the app (and, for staff and admins, the
    /// link is valid, which this spends), with the recovery codes to show once.
    public async Task<EnableResult> EnableAsync(AppUser user, string code, string? link)
    {
        var linkRequired = await links.IsRequiredAsync(user);
        if (linkRequired && !links.IsValid(user, link))
        {
            return new EnableResult(EnableOutcome.LinkRefused, []);
        }
        var normalized = TwoFactorCodes.Normalize(code);
        // Identity's own check, which does not spend the code's time step: confirming the set-up
        // proves the app has the key; it is not a log-in.
        if (!TwoFactorCodes.IsAuthenticatorCode(normalized)
            || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, normalized))
        {
            return new EnableResult(EnableOutcome.WrongCode, []);
        }
        if (linkRequired && !await links.SpendAsync(user, link))
        {
            return new EnableResult(EnableOutcome.LinkRefused, []);
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // The cookie now says two-factor is on (staff pages need that).
        await signIn.RefreshSignInAsync(user);
        if (linkRequired)
        {
            logger.LogInformation("User {UserId} turned on two-factor sign-in with an admin's link", user.Id);
        }
        else
        {
            logger.LogInformation("User {UserId} turned on two-factor sign-in", user.Id);
        }
        return new EnableResult(EnableOutcome.Enabled, [.. codes ?? []]);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(AppUser user)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        return [.. codes ?? []];
    }

    /// Staff and admins may not turn it off. The old key is dropped so setting up again means a
    /// fresh scan.
    public async Task<DisableResult> DisableAsync(AppUser user, string password)
    {
        foreach (var role in Roles.NeedTwoFactor)
        {
            if (await users.IsInRoleAsync(user, role))
            {
                return DisableResult.NotAllowedForRole;
            }
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            return DisableResult.WrongPassword;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        return DisableResult.Disabled;
    }

    public enum DisableResult
    {
        Disabled,
        WrongPassword,
        NotAllowedForRole,
    }
}
