using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

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
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Default", connectionString);
        builder.UseSetting("Seeding:LoadDemoData", "true");
        builder.UseSetting("Seeding:CreateDemoAccounts", "true");
    }
}
