using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Data.Seeding;

/// Start-up step: applies migrations, then loads seeds. Several instances may start at once, so
/// the whole step runs under a PostgreSQL advisory lock: one instance migrates, the others wait
/// and then find nothing left to do.
public sealed class DatabaseInitializer(
    AppDbContext db,
    UserManager<AppUser> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<SeedingOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    // Any constant shared by all instances; "melokal" in ASCII.
    private const long LockKey = 0x6d656c6f6b616c;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var seeds = settings.ResolveDirectory();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            if (settings.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            await new ReferenceDataSeeder(db).SeedAsync(seeds, cancellationToken);
            await EnsureRolesAsync();
            if (settings.LoadDemoData)
            {
                await new DemoDataSeeder(db, clock).SeedAsync(seeds, cancellationToken);
            }
            if (settings.CreateDemoAccounts && environment.IsDevelopment())
            {
                await new DemoAccountsSeeder(db, users).SeedAsync(seeds, cancellationToken);
            }
            await SearchVocabulary.RefreshAsync(db, cancellationToken);
            logger.LogInformation("Database ready: migrations applied, seeds loaded from {SeedsDirectory} (demo data {DemoData})",
                seeds, settings.LoadDemoData);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role));
            }
        }
    }
}
