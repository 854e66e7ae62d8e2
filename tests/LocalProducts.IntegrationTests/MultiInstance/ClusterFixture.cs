using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace LocalProducts.IntegrationTests.MultiInstance;

/// The real thing, started once for the multi-instance tests: tests/cluster/run-cluster.sh
/// starts a PostgreSQL primary and its streaming replica, three instances of the site (this
/// build's configuration) and nginx configured from docs/nginx/melokal.conf, on loopback ports
/// 18100-18199 (MELOKAL_CLUSTER_PORT moves them). Stopped and deleted after the last test,
/// whatever the tests did; a watcher stops it too if the test host is killed.
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly string _repository = FindRepository();
    private static readonly string _script = Path.Combine(_repository, "tests", "cluster", "run-cluster.sh");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"melokal-cluster-{Guid.NewGuid():N}");
    private NpgsqlDataSource? _database;

    /// nginx, in front of the three instances.
    public Uri Nginx { get; private set; } = null!;

    /// Each instance's own address, to pin a request to one of them.
    public IReadOnlyList<Uri> Instances { get; private set; } = [];

    /// The loopback address nginx connects to the instances from: the only one they believe
    /// X-Forwarded-For from.
    public IPAddress ProxyAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StopWhenTheTestHostDies();
        try
        {
            await RunScriptAsync("start", TimeSpan.FromMinutes(6));
            var settings = File.ReadAllLines(Path.Combine(_folder, "cluster.env"))
                .Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
            Nginx = new Uri(settings["NGINX"]);
            Instances = [new Uri(settings["INSTANCE_1"]), new Uri(settings["INSTANCE_2"]), new Uri(settings["INSTANCE_3"])];
            ProxyAddress = IPAddress.Parse(settings["PROXY_ADDRESS"]);
            _database = NpgsqlDataSource.Create(settings["PRIMARY"]);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        await RunScriptAsync("stop", TimeSpan.FromMinutes(2));
    }

    /// A browser-like client of one target (nginx or an instance) that connects from the given
    /// loopback address (127.0.0.0/8 is all this machine's): the client address the site and
    /// nginx see. No automatic redirects; cookies kept in <paramref name="cookies"/>, which
    /// clients of different targets may share, as one browser would.
    public static HttpClient Client(Uri target, string from, CookieContainer? cookies = null)
    {
        var source = IPAddress.Parse(from);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// Every target: nginx and the three instances.
    public IEnumerable<Uri> AllTargets => [Nginx, .. Instances];

    /// One value from the primary database.
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _database!.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    public async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = _database!.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }

    /// What an instance (1 to 3) has logged so far.
    public string LogOf(int instance)
    {
        using var stream = new FileStream(Path.Combine(_folder, $"instance{instance}.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private async Task RunScriptAsync(string command, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_script);
        start.ArgumentList.Add(command);
        foreach (var (name, value) in ScriptSettings())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"run-cluster.sh {command} took longer than {timeout}: {await output}{await errors}");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"run-cluster.sh {command} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    private Dictionary<string, string> ScriptSettings() => new(StringComparer.Ordinal)
    {
        ["MELOKAL_CLUSTER_DIR"] = _folder,
        // The build these tests were built with (bin/<configuration>/net10.0).
        ["MELOKAL_CLUSTER_CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name,
        // Every instance checks every second whether a scheduled job is due, so that the three
        // race for each run.
        ["MELOKAL_INSTANCE_ScheduledJobs__CheckEvery"] = "00:00:01",
    };

    /// A detached shell waits for the test host to end, then stops the cluster: a killed or
    /// cancelled run runs no DisposeAsync. After a normal stop it finds nothing to do.
    private void StopWhenTheTestHostDies()
    {
        const string watch = """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1"; do sleep 1; done
            bash "$2" stop
            """;
        var start = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "sh", "-c", watch, "melokal-cluster-watch", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _script })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in ScriptSettings())
        {
            start.Environment[name] = value;
        }
        using var watcher = Process.Start(start);
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "LocalProducts.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("LocalProducts.sln not found above " + AppContext.BaseDirectory);
    }
}
