using LocalProducts.Web.Data;
using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LocalProducts.Benchmarks;

/// Gets a database ready the way the site does at start-up, and checks that one is.
internal static class BenchmarkDatabase
{
    private const string HowToPrepare = "start the site once against it (it applies the migrations and loads the reference seeds), or use --embedded <folder>";

    /// Applies the migrations and loads the reference seeds (areas, categories, roles) through the
    /// site's own DatabaseInitializer; no demo data, no demo accounts.
    public static async Task MigrateAndSeedAsync(string connectionString, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        // EF logs the missing history table of a fresh database as an error before creating it; failures still surface as exceptions.
        services.AddLogging(logging => logging.AddSimpleConsole(options => options.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddDbContext<AppDbContext>(options => AppDbContext.Configure(options, connectionString));
        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(BenchmarkDatabase).Assembly.GetName().Name!,
            ContentRootPath = AppContext.BaseDirectory,
        });
        services.AddSingleton(TimeProvider.System);
        services.Configure<SeedingOptions>(options =>
        {
            options.Directory = SeedsDirectory();
            options.LoadDemoData = false;
            options.CreateDemoAccounts = false;
        });
        services.AddScoped<DatabaseInitializer>();

        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
    }

    /// Null when the database has the site's tables, every migration and the reference seeds the
    /// generator needs; otherwise one sentence saying what is missing and what to do.
    public static async Task<string?> NotReadyReasonAsync(NpgsqlConnection connection, string connectionString,
        IReadOnlyCollection<string> categorySlugs, CancellationToken cancellationToken)
    {
        await using (var tables = new NpgsqlCommand(
            "SELECT to_regclass('ef_migrations_history') IS NOT NULL AND to_regclass('products') IS NOT NULL", connection))
        {
            if (await tables.ExecuteScalarAsync(cancellationToken) is not true)
            {
                return $"The database has no Melokal tables yet: {HowToPrepare}.";
            }
        }

        var options = AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString);
        await using (var db = new AppDbContext((DbContextOptions<AppDbContext>)options.Options))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                return $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}): {HowToPrepare}.";
            }
        }

        await using var seeds = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM provinces), (SELECT count(*) FROM regencies), (SELECT count(*) FROM categories WHERE slug = ANY(@slugs))",
            connection);
        seeds.Parameters.AddWithValue("slugs", categorySlugs.ToArray());
        await using var reader = await seeds.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.GetInt64(0) == 0 || reader.GetInt64(1) == 0 || reader.GetInt64(2) < categorySlugs.Count)
        {
            return $"The database lacks the reference seeds (provinces, regencies and the {categorySlugs.Count} leaf categories): {HowToPrepare}.";
        }
        return null;
    }

    /// The seeds folder: the repository's seeds/ above the binaries, or the copy the web project
    /// leaves beside them (flattened: reference/ and demo/ sit next to the binaries).
    private static string SeedsDirectory()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "reference", "categories.json")))
            {
                return candidate;
            }
        }
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "reference", "categories.json")))
        {
            return AppContext.BaseDirectory;
        }
        throw new DirectoryNotFoundException($"No seeds/reference/categories.json was found in {AppContext.BaseDirectory} or above it.");
    }
}
