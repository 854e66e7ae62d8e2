using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace LocalProducts.Tests;

/// A throwaway PostgreSQL cluster for one test run, made the same way as the site's embedded one,
/// on a free port under the temp folder, and removed afterwards.
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(EmbeddedPostgres server) => Server = server;

    public EmbeddedPostgres Server { get; }
    public string ConnectionString => Server.ConnectionString;

    public static TestDatabase Start(string purpose)
    {
        var root = Path.Combine(Path.GetTempPath(), $"melokal-{purpose}-{Guid.NewGuid():N}");
        return new TestDatabase(EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = root, Durable = false }));
    }

    public void Dispose() => Server.StopAndDelete();
}

/// The real site (Program) on a test database, by default in Development with the demo seeds, as
/// the README's run command starts it.
public class MelokalFactory(string connectionString, string environment = "Development") : WebApplicationFactory<Program>
{
    /// The development e-mail sender's folder for this site: tests read the messages from it.
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"melokal-mail-{Guid.NewGuid():N}");

    // Sites start one at a time (they run side by side afterwards): each start migrates and seeds a
    // database, and several at once on two cores made start-up slow enough to time out browser
    // tests. (The site itself no longer freezes Serilog's static logger, so parallel starts are safe.)
    private static readonly Lock _startLock = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (_startLock)
        {
            return base.CreateHost(builder);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Seeding:LoadDemoData", "true");
        builder.UseSetting("Seeding:CreateDemoAccounts", "true");
        builder.UseSetting("Email:PickupDirectory", MailFolder);
        // Every test client comes from one address (none, in the test server), so per-address
        // limits would couple unrelated tests. The rate-limit tests turn them on in a site of
        // their own and give each client its own X-Forwarded-For.
        builder.UseSetting("RateLimits:Enabled", "false");
    }

    /// The .eml files the site wrote to this address, oldest first.
    public IReadOnlyList<string> MailTo(string address) =>
        Directory.Exists(MailFolder)
            ? Directory.EnumerateFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText)
                .Where(eml => eml.Contains($"To: {address}\r\n", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }
}
