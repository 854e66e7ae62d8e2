using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LocalProducts.IntegrationTests.Infrastructure.Requests;
using LocalProducts.Tests;
using LocalProducts.Web.Infrastructure;
using Npgsql;

namespace LocalProducts.IntegrationTests.Infrastructure.Replica;

/// A private primary (loopback port 18200) with a streaming replica of it (18201), made as an
/// operator would: the site migrates and seeds the primary, pg_basebackup -R copies it into the
/// replica's folder, and the replica starts as a hot standby. As root every server binary runs as
/// the postgres user (initdb and postgres refuse root), like the run's test cluster.
public sealed class StreamingReplica : IAsyncLifetime
{
    public const int PrimaryPort = 18200;
    public const int ReplicaPort = 18201;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"melokal-replica-{Guid.NewGuid():N}");
    private readonly List<FaultSite> _sites = [];
    private EmbeddedPostgres _primary = null!;
    private string _binDirectory = null!;

    public string PrimaryConnectionString => _primary.ConnectionString;

    public string ReplicaConnectionString => new NpgsqlConnectionStringBuilder(_primary.ConnectionString) { Port = ReplicaPort }.ConnectionString;

    /// Reads from the replica while it is less than 30 s behind.
    public FaultSite Site { get; private set; } = null!;

    private string ReplicaData => Path.Combine(_root, "replica", "data");

    public async Task InitializeAsync()
    {
        _binDirectory = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "pg_basebackup")))
            .OrderByDescending(bin => int.Parse(Path.GetFileName(Path.GetDirectoryName(bin))!, CultureInfo.InvariantCulture))
            .First();
        _primary = EmbeddedPostgres.Start(new EmbeddedPostgresOptions
        {
            RootDirectory = Path.Combine(_root, "primary"),
            Database = "melokal",
            Durable = false,
            Port = PrimaryPort,
        });
        await using (var seeding = new MelokalFactory(PrimaryConnectionString))
        {
            // Starting the host runs Program: migrations and seeds.
            seeding.CreateClient().Dispose();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(ReplicaData)!);
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", ["-R", "postgres:postgres", Path.GetDirectoryName(ReplicaData)!], asPostgres: false);
        }
        var password = new NpgsqlConnectionStringBuilder(_primary.AdminConnectionString).Password!;
        Run("env", [$"PGPASSWORD={password}", Path.Combine(_binDirectory, "pg_basebackup"),
            "-h", "127.0.0.1", "-p", PrimaryPort.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-D", ReplicaData, "-R", "-X", "stream", "-c", "fast"], asPostgres: true);
        StartReplica();
        Site = CreateSite(maxLagSeconds: 30);
        await WaitUntilReplicaReadAsync(Site);
    }

    public async Task DisposeAsync()
    {
        foreach (var site in _sites)
        {
            await site.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        Run(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", ReplicaData, "-m", "immediate", "-w"], asPostgres: true, throwOnError: false);
        _primary.StopAndDelete();
        Directory.Delete(_root, recursive: true);
    }

    /// A site on the primary reading from the replica; disposed with the fixture.
    public FaultSite CreateSite(double maxLagSeconds)
    {
        var site = new FaultSite(PrimaryConnectionString);
        site.Settings["ConnectionStrings:Replica"] = ReplicaConnectionString;
        site.Settings["Replica:MaxLagSeconds"] = maxLagSeconds.ToString(CultureInfo.InvariantCulture);
        site.CreateClient().Dispose();
        _sites.Add(site);
        return site;
    }

    public void StartReplica() =>
        Run(Path.Combine(_binDirectory, "pg_ctl"), ["start", "-D", ReplicaData, "-w", "-t", "60", "-l", Path.Combine(_root, "replica", "server.log"),
            "-o", $"-p {ReplicaPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c hot_standby=on"], asPostgres: true);

    public void StopReplica() =>
        Run(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", ReplicaData, "-m", "fast", "-w"], asPostgres: true);

    /// The replica keeps what it has and stops applying the primary's changes until resumed.
    public Task PauseReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_resume()");

    public async Task ExecuteOnPrimaryAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PrimaryConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    /// /health/ready of the site, parsed: (overall status, the replica's status and description).
    public static async Task<(string Status, string Replica, string? Description)> ReadinessAsync(FaultSite site)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var replica = json.RootElement.GetProperty("checks").GetProperty("replica");
        return (json.RootElement.GetProperty("status").GetString()!, replica.GetProperty("status").GetString()!, replica.GetProperty("description").GetString());
    }

    public static Task WaitUntilReplicaReadAsync(FaultSite site) => WaitForReplicaAsync(site, "Healthy");

    public static async Task WaitForReplicaAsync(FaultSite site, string status)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var readiness = await ReadinessAsync(site);
            if (readiness.Replica == status)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < until, $"The replica stayed {readiness.Replica} ({readiness.Description}), not {status}");
            await Task.Delay(200);
        }
    }

    private async Task OnReplicaAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(_primary.AdminConnectionString) { Port = ReplicaPort, Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgres && Environment.IsPrivilegedProcess ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
        }
        process.WaitForExit();
        if (throwOnError && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {output.Result} {error.Result}");
        }
    }
}
