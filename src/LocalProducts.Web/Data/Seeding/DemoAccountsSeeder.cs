using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Data.Seeding;

internal sealed record DemoAccountSeed(string Email, string Password, string DisplayName, string Role, string? Ikm);

/// Creates the invented accounts of seeds/demo/accounts.json, for local use only: the caller runs
/// it in Development alone. Existing accounts are left as they are.
internal sealed class DemoAccountsSeeder(AppDbContext db, UserManager<AppUser> users)
{
    public async Task SeedAsync(string seedsDirectory, CancellationToken cancellationToken)
    {
        var accounts = SeedFiles.Read<List<DemoAccountSeed>>(Path.Combine(seedsDirectory, "demo", "accounts.json"));
        foreach (var account in accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new AppUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.DisplayName };
                // The demo passwords are published in the README: the strength rules, made for
                // real people's passwords, do not apply to them.
                user.PasswordHash = users.PasswordHasher.HashPassword(user, account.Password);
                ThrowOnFailure(await users.CreateAsync(user), account.Email);
                ThrowOnFailure(await users.AddToRoleAsync(user, account.Role), account.Email);
            }
            if (account.Ikm is not null)
            {
                var ikm = await db.Ikms.SingleAsync(i => i.Slug == account.Ikm, cancellationToken);
                if (ikm.OwnerId is null)
                {
                    ikm.OwnerId = user.Id;
                    await db.SaveChangesAsync(cancellationToken);
                }
            }
        }
        db.ChangeTracker.Clear();
    }

    private static void ThrowOnFailure(IdentityResult result, string account)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo account {account} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
