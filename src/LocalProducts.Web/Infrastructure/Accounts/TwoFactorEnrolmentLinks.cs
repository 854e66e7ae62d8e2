using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.Accounts;

/// Staff and admins set up two-factor sign-in only through a one-time link an admin issues:
/// otherwise whoever held the password of someone just given the Staff role could enrol their own
/// phone first and keep the account. The link is random, stored only as its SHA-256, lives a day,
/// and is spent by a successful set-up (the update checks Identity's concurrency stamp, so two
/// requests cannot both spend it).
public sealed class TwoFactorEnrolmentLinks(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const string QueryName = "undangan";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// A new link for <paramref name="user"/>; an earlier one stops working. The authenticator
    /// key is made anew, so a key someone saw on the set-up page before is worth nothing (this
    /// also changes the security stamp: the account's open sessions end).
    public async Task<string> IssueAsync(AppUser user)
    {
        (var token, user.TwoFactorEnrolmentTokenHash) = OneTimeCode.New();
        user.TwoFactorEnrolmentExpiresAt = clock.GetUtcNow() + Lifetime;
        var result = await users.ResetAuthenticatorKeyAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The enrolment link could not be saved: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        return token;
    }

    /// Whether this account may set up two-factor sign-in only with a link: staff and admins. The
    /// one exception is the first admin, while no admin has two-factor on: nobody could issue it.
    public async Task<bool> IsRequiredAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        if (!roles.Any(Roles.NeedTwoFactor.Contains))
        {
            return false;
        }
        if (!roles.Contains(Roles.Admin))
        {
            return true;
        }
        return await db.Users.AnyAsync(u => u.TwoFactorEnabled
            && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin)));
    }

    public bool IsValid(AppUser user, string? token) =>
        user.TwoFactorEnrolmentExpiresAt > clock.GetUtcNow() && OneTimeCode.Matches(user.TwoFactorEnrolmentTokenHash, token);

    /// Spends the link; false when it is not valid or another request spent it first.
    public async Task<bool> SpendAsync(AppUser user, string? token)
    {
        if (!IsValid(user, token))
        {
            return false;
        }
        user.TwoFactorEnrolmentTokenHash = null;
        user.TwoFactorEnrolmentExpiresAt = null;
        return (await users.UpdateAsync(user)).Succeeded;
    }

}
