using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace LocalProducts.Web.Infrastructure;

/// Where an embedded cluster lives and how it runs.
public sealed record EmbeddedPostgresOptions
{
    /// Folder holding the cluster (data/), its passwords and its log. Created on first run.
    public required string RootDirectory { get; init; }
    /// Folder with initdb and pg_ctl; found under /usr/lib/postgresql/*/bin when null.
    public string? BinDirectory { get; init; }
    public string Database { get; init; } = "melokal";
    /// For throwaway test clusters: no fsync, no full-page writes. Never for data that matters.
    public bool Durable { get; init; } = true;
    /// A fixed loopback port (tests that must stay in a given range); a free one when null.
    public int? Port { get; init; }

    /// The default folder for the site's own cluster: ~/.local/share/melokal/postgres, or, when
    /// running as root, /var/lib/melokal/postgres (the postgres user cannot enter /root).
    public static string DefaultRootDirectory() =>
        Environment.IsPrivilegedProcess
            ? "/var/lib/melokal/postgres"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "melokal", "postgres");
}

/// Thrown when no PostgreSQL server can be started here; its message is one sentence for people.
public sealed class EmbeddedPostgresUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// A private PostgreSQL cluster that the application creates, starts and stops itself, made with
/// the machine's own server binaries. Used when no connection string is configured, and by the
/// integration tests. initdb refuses to run as root, so as root every server binary runs as the
/// postgres user through runuser. The site connects as <see cref="OwnerRole"/>, the owner of its
/// database without superuser rights: a flaw in the site cannot reach the server's files or
/// programs (COPY … TO PROGRAM) nor other databases. The superuser only sets the cluster up.
public sealed class EmbeddedPostgres : IDisposable
{
    /// The login role the site uses; it owns the site's database.
    public const string OwnerRole = "melokal";
    private const string SuperUser = "postgres";
    /// Clusters made before the owner role had their superuser named melokal, which cannot lose
    /// its rights; they keep running as before until the folder is made afresh.
    private const string LegacySuperUser = "melokal";
    private static readonly TimeSpan _commandTimeout = TimeSpan.FromSeconds(90);

    private readonly EmbeddedPostgresOptions _options;
    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private readonly string? _ownerPassword;
    private bool _stopped;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string binDirectory, int port, string superUser, string password, string? ownerPassword)
    {
        _options = options;
        _binDirectory = binDirectory;
        _runAsPostgresUser = Environment.IsPrivilegedProcess;
        _ownerPassword = ownerPassword;
        Port = port;
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = superUser,
            Password = password,
            Database = options.Database,
        };
        AdminConnectionString = admin.ConnectionString;
        ConnectionString = ownerPassword is null
            ? AdminConnectionString
            : new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Username = OwnerRole, Password = ownerPassword }.ConnectionString;
    }

    public int Port { get; }
    /// As <see cref="OwnerRole"/>: what the site uses.
    public string ConnectionString { get; }
    /// As the superuser: for creating and dropping databases (the tests), never for the site.
    public string AdminConnectionString { get; }
    /// True for a cluster made before the owner role existed: the site still connects as superuser.
    public bool RunsAsSuperuser => _ownerPassword is null;
    private string DataDirectory => Path.Combine(_options.RootDirectory, "data");

    /// Creates the cluster on first use, starts it (or adopts a server already running on the same
    /// folder, left by a run that was killed) and makes sure the database exists.
    public static EmbeddedPostgres Start(EmbeddedPostgresOptions options)
    {
        var binDirectory = FindBinDirectory(options.BinDirectory);
        var root = Path.GetFullPath(options.RootDirectory);
        options = options with { RootDirectory = root };
        var asPostgres = Environment.IsPrivilegedProcess;
        Directory.CreateDirectory(root);
        if (asPostgres)
        {
            EnsurePostgresUserExists();
            Run("chown", ["-R", "postgres:postgres", root], asPostgresUser: false);
        }

        var dataDirectory = Path.Combine(root, "data");
        var passwordFile = Path.Combine(root, "password");
        var ownerPasswordFile = Path.Combine(root, "owner-password");
        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            InitializeCluster(binDirectory, dataDirectory, passwordFile, ownerPasswordFile, asPostgres);
        }
        var password = File.ReadAllText(passwordFile).Trim();
        var ownerPassword = File.Exists(ownerPasswordFile) ? File.ReadAllText(ownerPasswordFile).Trim() : null;

        var port = RunningServerPort(dataDirectory) ?? StartServer(binDirectory, options, asPostgres);
        var server = new EmbeddedPostgres(options, binDirectory, port, ownerPassword is null ? LegacySuperUser : SuperUser, password, ownerPassword);
        server.EnsureDatabase();
        return server;
    }

    public void Stop()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        Run(Path.Combine(_binDirectory, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"], _runAsPostgresUser);
    }

    /// Stops the server and removes the whole folder: for throwaway test clusters.
    public void StopAndDelete()
    {
        Stop();
        Directory.Delete(_options.RootDirectory, recursive: true);
    }

    public void Dispose() => Stop();

    private static string FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "pg_ctl"))
                ? configured
                : throw new EmbeddedPostgresUnavailableException(
                    $"No pg_ctl was found in the configured PostgreSQL folder {configured}: fix EmbeddedPostgres:BinDirectory, or set ConnectionStrings__Default to a PostgreSQL server you run.");
        }
        const string debianRoot = "/usr/lib/postgresql";
        var candidates = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new EmbeddedPostgresUnavailableException(
                "PostgreSQL server binaries were not found under /usr/lib/postgresql: install them with 'apt-get install postgresql' (as root), or set ConnectionStrings__Default to a PostgreSQL server you run.");
    }

    private static void EnsurePostgresUserExists()
    {
        var (exitCode, _) = Run("id", ["-u", "postgres"], asPostgresUser: false, throwOnError: false);
        if (exitCode != 0)
        {
            throw new EmbeddedPostgresUnavailableException(
                "Running as root needs the 'postgres' system user to run the database server (initdb refuses root): install the postgresql package, or run as an ordinary user, or set ConnectionStrings__Default.");
        }
    }

    private static void InitializeCluster(string binDirectory, string dataDirectory, string passwordFile, string ownerPasswordFile, bool asPostgres)
    {
        // Hex only: the owner's password is written into CREATE ROLE, which takes no parameters.
        foreach (var file in new[] { passwordFile, ownerPasswordFile })
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
            if (asPostgres)
            {
                Run("chown", ["postgres:postgres", file], asPostgresUser: false);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        if (Directory.Exists(dataDirectory))
        {
            // A half-made cluster from an interrupted first run: initdb needs an empty folder.
            Directory.Delete(dataDirectory, recursive: true);
        }
        Run(Path.Combine(binDirectory, "initdb"),
            ["-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "--auth", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8", "--no-instructions"],
            asPostgres);
    }

    /// The port of a server already running on this data folder, from its postmaster.pid.
    private static int? RunningServerPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int StartServer(string binDirectory, EmbeddedPostgresOptions options, bool asPostgres)
    {
        var port = options.Port ?? FreeLoopbackPort();
        var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200";
        if (!options.Durable)
        {
            settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        }
        var dataDirectory = Path.Combine(options.RootDirectory, "data");
        var logFile = Path.Combine(options.RootDirectory, "server.log");
        var (exitCode, output) = Run(Path.Combine(binDirectory, "pg_ctl"),
            ["start", "-D", dataDirectory, "-w", "-t", "60", "-l", logFile, "-o", settings], asPostgres, throwOnError: false);
        if (exitCode != 0)
        {
            var log = File.Exists(logFile) ? string.Join('\n', File.ReadLines(logFile).TakeLast(10)) : "";
            throw new EmbeddedPostgresUnavailableException(
                $"The embedded PostgreSQL server in {options.RootDirectory} did not start (pg_ctl said: {output.Trim()} {log.Trim()}).");
        }
        return port;
    }

    /// As the superuser: the owner role (its password as in the folder), and the database owned
    /// by it, with the extensions the migrations need already made.
    private void EnsureDatabase()
    {
        var admin = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            if (_ownerPassword is not null)
            {
                if (!_ownerPassword.All(char.IsAsciiHexDigit))
                {
                    throw new EmbeddedPostgresUnavailableException($"The file owner-password in {_options.RootDirectory} must hold the hexadecimal password it was made with.");
                }
                using var roleExists = new NpgsqlCommand($"SELECT 1 FROM pg_roles WHERE rolname = '{OwnerRole}'", connection);
                var verb = roleExists.ExecuteScalar() is null ? "CREATE" : "ALTER";
                using var role = new NpgsqlCommand(
                    $"{verb} ROLE {OwnerRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{_ownerPassword}'", connection);
                role.ExecuteNonQuery();
            }
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", _options.Database);
            if (exists.ExecuteScalar() is null)
            {
                var owner = _ownerPassword is null ? "" : $" OWNER {OwnerRole}";
                using var create = new NpgsqlCommand($"CREATE DATABASE {Quoted(_options.Database)}{owner}", connection);
                create.ExecuteNonQuery();
            }
        }
        if (_options.Database != "postgres")
        {
            // pg_trgm is a trusted extension (an owner may create it), except on old servers.
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var extension = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_trgm", connection);
            extension.ExecuteNonQuery();
        }
    }

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (int ExitCode, string Output) Run(string file, IReadOnlyList<string> arguments, bool asPostgresUser, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            FileName = asPostgresUser ? "runuser" : file,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user cannot read the caller's working folder when that is under /root.
            WorkingDirectory = "/",
        };
        if (asPostgresUser)
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

        using var process = new Process { StartInfo = start };
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new EmbeddedPostgresUnavailableException($"Could not run {start.FileName}: {ex.Message}.", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(_commandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new EmbeddedPostgresUnavailableException($"{Path.GetFileName(file)} did not finish within {_commandTimeout.TotalSeconds} seconds.");
        }
        // The timed wait does not wait for the output pipes; this one does, briefly.
        process.WaitForExit();
        string text;
        lock (output)
        {
            text = output.ToString();
        }
        if (throwOnError && process.ExitCode != 0)
        {
            throw new EmbeddedPostgresUnavailableException($"{Path.GetFileName(file)} {string.Join(' ', arguments.Take(1))} failed with exit code {process.ExitCode}: {text.Trim()}");
        }
        return (process.ExitCode, text);
    }
}
