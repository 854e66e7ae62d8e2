using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
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
        // A migration or a word-list change may rewrite every product's search vector: minutes at
        // a million products, far past the usual command timeout.
        var usualTimeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
            if (settings.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            await new ReferenceDataSeeder(db, clock).SeedAsync(seeds, cancellationToken);
            await EnsureRolesAsync();
            if (settings.LoadDemoData)
            {
                await new DemoDataSeeder(db, clock).SeedAsync(seeds, cancellationToken);
            }
            if (settings.CreateDemoAccounts && environment.IsDevelopment())
            {
                await new DemoAccountsSeeder(db, users).SeedAsync(seeds, cancellationToken);
            }
            await RenderMissingDescriptionsAsync(cancellationToken);
            await SearchVocabulary.RefreshAsync(db, cancellationToken);
            logger.LogInformation("Database ready: migrations applied, seeds loaded from {SeedsDirectory} (demo data {DemoData})",
                seeds, settings.LoadDemoData);
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
            db.Database.SetCommandTimeout(usualTimeout);
        }
    }

    /// Products saved before descriptions were rendered at save time (or loaded by COPY) get
    /// their HTML now, in batches, once.
    private async Task RenderMissingDescriptionsAsync(CancellationToken cancellationToken)
    {
        var markdown = new MarkdownRenderer();
        var rendered = 0;
        while (true)
        {
            var batch = await db.Products.Where(p => p.DescriptionHtml == null).OrderBy(p => p.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var product in batch)
            {
                product.SetRenderedDescription(markdown.ToSafeHtml(product.Description), markdown.ToPlainText(product.Description));
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            rendered += batch.Count;
        }
        if (rendered > 0)
        {
            logger.LogInformation("Rendered the descriptions of {Count} products", rendered);
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
