using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;

namespace LocalProducts.Web.Pages.Account;

/// Registers an IKM owner. Whether the address already has an account never shows in the answer:
/// both paths check the password the same way, hash it, send one e-mail and say "check your inbox".
public sealed class RegisterAccountCommand(
    UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, AccountEmails emails, ILogger<RegisterAccountCommand> logger)
{
    /// Problems with the password, or none when the e-mail is on its way (whichever e-mail it is).
    public async Task<IReadOnlyList<string>> RunAsync(string displayName, string email, string password, CancellationToken cancellationToken)
    {
        email = email.Trim();
        var user = new AppUser { UserName = email, Email = email, DisplayName = AppUser.CleanDisplayName(displayName) };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Description));
        }
        if (problems.Count > 0)
        {
            return problems;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // The same work as creating an account, so the time to answer tells nothing either.
            hasher.HashPassword(user, password);
            await emails.SendAlreadyRegisteredAsync(existing, cancellationToken);
            logger.LogInformation("Registration attempted with the address of user {UserId}", existing.Id);
            return [];
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }
        await users.AddToRoleAsync(user, Roles.IkmOwner);
        await emails.SendConfirmationAsync(user, await users.GenerateEmailConfirmationTokenAsync(user), cancellationToken);
        logger.LogInformation("User {UserId} registered as an IKM owner", user.Id);
        return [];
    }
}

public enum ConfirmEmailResult
{
    Confirmed,
    AlreadyConfirmed,
    Invalid,
}

public sealed class ConfirmEmailCommand(UserManager<AppUser> users, ILogger<ConfirmEmailCommand> logger)
{
    public async Task<ConfirmEmailResult> RunAsync(Guid userId, string? code)
    {
        var token = AccountEmails.DecodeToken(code);
        var user = token is null ? null : await users.FindByIdAsync(userId.ToString());
        if (user is null || token is null)
        {
            return ConfirmEmailResult.Invalid;
        }
        if (user.EmailConfirmed)
        {
            return ConfirmEmailResult.AlreadyConfirmed;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
        {
            return ConfirmEmailResult.Invalid;
        }
        logger.LogInformation("User {UserId} confirmed their e-mail address", user.Id);
        return ConfirmEmailResult.Confirmed;
    }
}

/// "Send the link again" and "I forgot my password": the page always says the same, and an
/// e-mail goes out only when there is something to send.
public sealed class AccountMailCommand(UserManager<AppUser> users, AccountEmails emails, ILogger<AccountMailCommand> logger)
{
    public async Task ResendConfirmationAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is { EmailConfirmed: false })
        {
            await emails.SendConfirmationAsync(user, await users.GenerateEmailConfirmationTokenAsync(user), cancellationToken);
            logger.LogInformation("Confirmation link sent again to user {UserId}", user.Id);
        }
    }

    /// A confirmed account gets a reset link; one not yet confirmed gets its confirmation link
    /// (it cannot sign in before that anyway); an unknown address gets nothing.
    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return;
        }
        if (!user.EmailConfirmed)
        {
            await emails.SendConfirmationAsync(user, await users.GenerateEmailConfirmationTokenAsync(user), cancellationToken);
            return;
        }
        await emails.SendPasswordResetAsync(user, await users.GeneratePasswordResetTokenAsync(user), cancellationToken);
        logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
    }
}

/// Sets a new password from a reset link. The reset changes the security stamp, which ends every
/// session of the account and spends the link; a lock-out from failed attempts is lifted, since
/// whoever holds the mailbox holds the account.
public sealed class ResetPasswordCommand(
    UserManager<AppUser> users, PostgresRateLimiter limiter, IdentityErrorDescriber errors, ILogger<ResetPasswordCommand> logger)
{
    public async Task<IdentityResult> RunAsync(Guid userId, string? code, string password)
    {
        var token = AccountEmails.DecodeToken(code);
        var user = token is null ? null : await users.FindByIdAsync(userId.ToString());
        if (user is null || token is null)
        {
            return IdentityResult.Failed(errors.InvalidToken());
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result;
        }
        if (await users.IsLockedOutAsync(user) && user.LockoutEnd < AppUser.LockedUntilLifted)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        // Whoever opened the link from the mailbox is the owner: the failed log-ins others sent
        // for this address no longer slow them.
        await limiter.ClearAsync(RateLimitBuckets.LogInAccount, RateLimitKeys.ForEmail(user.Email ?? ""), CancellationToken.None);
        logger.LogInformation("User {UserId} set a new password from a reset link", user.Id);
        return result;
    }
}
