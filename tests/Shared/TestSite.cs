using System.Diagnostics;
using System.Globalization;
using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LocalProducts.Tests;

/// The one PostgreSQL cluster of a test run, made the same way as the site's embedded one, on a
/// free port under the temp folder. Started on first use; stopped and deleted when the process
/// exits. Starting a cluster (initdb) is the slowest step of a test site, so it happens once.
public static class TestCluster
{
    /// Migrated and seeded once (<see cref="TemplateAsync"/>); every test class's database is a copy.
    public const string TemplateName = "melokal_template";

    private static readonly Lazy<EmbeddedPostgres> _server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<Task> _template = new(CreateTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static EmbeddedPostgres Server => _server.Value;

    /// As the site connects: the owner role, without superuser rights.
    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = database }.ConnectionString;

    /// The template database, made on first call: the site starts on it once (migrations and demo
    /// seeds), then it is closed to connections so that it can be copied.
    public static Task TemplateAsync() => _template.Value;

    /// Runs one statement on the maintenance database, as the superuser. Not pooled: a pooled idle
    /// connection would stay open and count as a user of whatever it last touched.
    public static async Task ExecuteAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(Server.AdminConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static EmbeddedPostgres Start()
    {
        var root = Path.Combine(Path.GetTempPath(), $"melokal-tests-{Guid.NewGuid():N}");
        // MELOKAL_TEST_PG_PORT: a fixed port, where a run must stay in a given range; a free one otherwise.
        var port = int.TryParse(Environment.GetEnvironmentVariable("MELOKAL_TEST_PG_PORT"), CultureInfo.InvariantCulture, out var fixedPort) ? fixedPort : (int?)null;
        var server = EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = root, Database = "postgres", Durable = false, Port = port });
        WatchForExit(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                server.StopAndDelete();
            }
            catch (Exception ex) when (ex is EmbeddedPostgresUnavailableException or IOException or UnauthorizedAccessException)
            {
                // The watcher below finishes the job.
            }
        };
        return server;
    }

    /// The test host may be killed rather than left to exit (the VSTest runner gives it a moment
    /// after the last test, and a cancelled run none), and then no exit handler runs. A detached
    /// shell waits for this process to end, then stops the server and removes its folder.
    private static void WatchForExit(string root)
    {
        var script = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 1; done
            pid=$(head -n 1 "$2/data/postmaster.pid")
            if [ -n "$pid" ]; then
                kill -INT "$pid"
                while kill -0 "$pid"; do sleep 0.2; done
            fi
            rm -rf "$2"
            """;
        // Its own pipes, not this process's output: the runner would wait for them to close.
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", script, "melokal-test-cluster-watch", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), root })
        {
            start.ArgumentList.Add(argument);
        }
        using var watcher = Process.Start(start);
    }

    private static async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"CREATE DATABASE {TemplateName} OWNER {EmbeddedPostgres.OwnerRole}");
        NpgsqlDataSource dataSource;
        await using (var factory = new MelokalFactory(ConnectionStringFor(TemplateName)))
        {
            // Starting the host runs Program: migrations and seeds.
            factory.CreateClient().Dispose();
            dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();
        }
        // The site registers its data source as an instance, which the host does not dispose: its
        // idle connections would keep the template in use, and a database in use cannot be copied.
        await dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"ALTER DATABASE {TemplateName} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        // A connection some job opened on its own would make every copy wait for it, then fail.
        await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{TemplateName}'");
    }
}

/// One database in the run's cluster, dropped on disposal (with its connections, which sites left
/// open in their pools).
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = TestCluster.ConnectionStringFor(name);
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// A copy of the migrated and seeded template: the demo data, and nothing another test wrote.
    public static async Task<TestDatabase> CopyOfTemplateAsync()
    {
        await TestCluster.TemplateAsync();
        var database = new TestDatabase(NewName());
        await TestCluster.ExecuteAsync($"CREATE DATABASE {database.Name} TEMPLATE {TestCluster.TemplateName} OWNER {EmbeddedPostgres.OwnerRole}");
        return database;
    }

    /// An empty database: for tests of migrations, and for sites that migrate and seed their own.
    public static async Task<TestDatabase> CreateEmptyAsync()
    {
        var database = new TestDatabase(NewName());
        await TestCluster.ExecuteAsync($"CREATE DATABASE {database.Name} OWNER {EmbeddedPostgres.OwnerRole}");
        return database;
    }

    public async ValueTask DisposeAsync() => await TestCluster.ExecuteAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    private static string NewName() => $"melokal_{Guid.NewGuid():N}";
}

/// The real site (Program) on a test database, by default in Development with the demo seeds, as
/// the README's run command starts it.
public class MelokalFactory(string connectionString, string environment = "Development") : WebApplicationFactory<Program>
{
    /// The development e-mail sender's folder for this site: tests read the messages from it.
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"melokal-mail-{Guid.NewGuid():N}");

    /// Settings over the defaults below, set before the site starts.
    public Dictionary<string, string?> Settings { get; } = [];

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
        // The test server answers as http://localhost: links in mails and pages point there.
        builder.UseSetting("Site:PublicUrl", "http://localhost");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
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
