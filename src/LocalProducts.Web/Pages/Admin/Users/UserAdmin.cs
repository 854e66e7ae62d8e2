using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Accounts;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Users;

public sealed record UserRow(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailConfirmed, bool TwoFactorEnabled, DateTimeOffset? LockoutEnd)
{
    public bool IsLocked(DateTimeOffset now) => LockoutEnd > now;
    public bool IsLockedByAdmin => LockoutEnd >= AppUser.LockedUntilLifted;
}

public sealed record UserListPage(IReadOnlyList<UserRow> Rows, int Total, int PageNumber, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// Accounts for admins: search by e-mail or name, filter by role, a page at a time.
public sealed class UserListQuery(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<UserListPage> RunAsync(string? search, string? role, int page, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = "%" + EscapeLike(search.Trim()) + "%";
            users = users.Where(u => EF.Functions.ILike(u.Email!, pattern, "\\") || EF.Functions.ILike(u.DisplayName!, pattern, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(role) && Domain.Roles.All.Contains(role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        var total = await users.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await users
            .OrderBy(u => u.NormalizedEmail)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? "",
                u.DisplayName ?? "",
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList(),
                u.EmailConfirmed,
                u.TwoFactorEnabled,
                u.LockoutEnd))
            .ToListAsync(cancellationToken);
        return new UserListPage(rows, total, page, PageSize);
    }

    public async Task<UserRow?> OneAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? "",
                u.DisplayName ?? "",
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToList(),
                u.EmailConfirmed,
                u.TwoFactorEnabled,
                u.LockoutEnd))
            .SingleOrDefaultAsync(cancellationToken);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// What an admin does to accounts. Each change also changes the account's security stamp, so the
/// person's open sessions pick it up on their next request (a lock or a role taken away ends
/// them). Every action goes into the audit log (who, when, what) and the log, with ids only.
public sealed class UserAdminCommand(
    UserManager<AppUser> users, TwoFactorEnrolmentLinks enrolmentLinks, AuditLog audit, IStringLocalizer<SharedResource> text, ILogger<UserAdminCommand> logger)
{
    private CommandResult UnknownRole => CommandResult.Invalid("", text["Peran itu tidak dikenal."]);

    /// An admin may not take their own Admin role or lock themselves out.
    private CommandResult NotOnYourself => CommandResult.Invalid("",
        text["Anda tidak bisa melakukan ini pada akun Anda sendiri: admin tidak boleh mencabut peran Admin-nya sendiri atau mengunci dirinya."]);

    /// Someone else changed it first: the role was already given or taken, say.
    private CommandResult Changed => CommandResult.Conflicted(null, text["Akun ini baru saja diubah oleh orang lain. Periksa keadaannya sekarang lalu coba lagi."]);

    /// UserManager has saved the change already; the entry follows it.
    private Task AuditAsync(Guid adminId, string action, Guid userId, string? role = null) =>
        audit.RecordAsync(adminId, action, AuditEntityTypes.User, userId.ToString(),
            role is null ? null : new Dictionary<string, object?> { ["role"] = role });

    public async Task<CommandResult> GrantRoleAsync(Guid adminId, Guid userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UnknownRole;
        }
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return CommandResult.NotFound;
        }
        if (!(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            return Changed;
        }
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(adminId, AuditActions.RoleGiven, userId, role);
        logger.LogInformation("Admin {AdminId} gave role {Role} to user {UserId}", adminId, role, userId);
        return CommandResult.Saved();
    }

    public async Task<CommandResult> RevokeRoleAsync(Guid adminId, Guid userId, string role)
    {
        if (!Roles.All.Contains(role))
        {
            return UnknownRole;
        }
        if (adminId == userId && role == Roles.Admin)
        {
            return NotOnYourself;
        }
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return CommandResult.NotFound;
        }
        if (!(await users.RemoveFromRoleAsync(user, role)).Succeeded)
        {
            return Changed;
        }
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(adminId, AuditActions.RoleTaken, userId, role);
        logger.LogInformation("Admin {AdminId} took role {Role} from user {UserId}", adminId, role, userId);
        return CommandResult.Saved();
    }

    /// Locked until an admin unlocks it; the person's sessions end at once.
    public async Task<CommandResult> LockAsync(Guid adminId, Guid userId)
    {
        if (adminId == userId)
        {
            return NotOnYourself;
        }
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return CommandResult.NotFound;
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, AppUser.LockedUntilLifted);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(adminId, AuditActions.Locked, userId);
        logger.LogInformation("Admin {AdminId} locked user {UserId}", adminId, userId);
        return CommandResult.Saved();
    }

    /// Lifts an admin's lock or a lock-out after failed log-ins.
    public async Task<CommandResult> UnlockAsync(Guid adminId, Guid userId)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return CommandResult.NotFound;
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync(adminId, AuditActions.Unlocked, userId);
        logger.LogInformation("Admin {AdminId} unlocked user {UserId}", adminId, userId);
        return CommandResult.Saved();
    }

    /// For a lost phone without recovery codes: two-factor sign-in is turned off and the key
    /// dropped; staff are asked to set it up again on their next visit to a staff page.
    public async Task<CommandResult> ResetTwoFactorAsync(Guid adminId, Guid userId)
    {
        if (adminId == userId)
        {
            return NotOnYourself;
        }
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return CommandResult.NotFound;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await AuditAsync(adminId, AuditActions.TwoFactorReset, userId);
        logger.LogInformation("Admin {AdminId} reset two-factor sign-in of user {UserId}", adminId, userId);
        return CommandResult.Saved();
    }

    /// A one-time link to set up two-factor sign-in, for the admin to hand to the person (staff
    /// and admins can set it up no other way). Returned once, never stored in clear; a new link
    /// replaces the last, and the account's sessions end.
    public async Task<(CommandResult Result, string? Token)> IssueTwoFactorLinkAsync(Guid adminId, Guid userId)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            return (CommandResult.NotFound, null);
        }
        if (user.TwoFactorEnabled)
        {
            return (CommandResult.Invalid("", text["Akun ini sudah memakai verifikasi dua langkah."]), null);
        }
        var token = await enrolmentLinks.IssueAsync(user);
        await AuditAsync(adminId, AuditActions.TwoFactorLinkIssued, userId);
        logger.LogInformation("Admin {AdminId} issued a two-factor set-up link for user {UserId}", adminId, userId);
        return (CommandResult.Saved(), token);
    }
}
