using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Products;
using LocalProducts.Web.Pages.Products.Search;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

internal sealed record QueryLatency(string Name, string Path, LatencySummary Summary, double MaxDispatchLate, double P99DispatchLate, string? FirstError);

internal sealed record LatencySet(string Mode, IReadOnlyList<QueryLatency> Queries, LatencySummary Pooled);

/// What a query finds, from one search before the timed runs.
internal sealed record QueryFinding(string Name, string Path, int Total, string? CorrectedQuery, int Cards);

internal sealed record StatementShare(string Label, int PerSearch, double Median, double Mean);

/// Where one search's time goes: medians over sequential runs with Npgsql's tracing on.
internal sealed record QueryBreakdown(string Name, int Iterations, double MedianTotal, double MedianInStatements, IReadOnlyList<StatementShare> Statements);

internal sealed record LatencyResults(
    int Rate,
    int Seconds,
    int Warmup,
    DateTimeOffset StartedAt,
    IReadOnlyList<QueryFinding> Findings,
    LatencySet? Database,
    LatencySet? EndToEnd,
    IReadOnlyList<QueryBreakdown> Breakdown);

/// `bench latency`: the fixed queries at a fixed arrival rate, in the database (the site's
/// ProductSearch.RunAsync called here) and end to end (GET /produk?… on the running site).
internal static class LatencyStep
{
    private static readonly Lazy<KnownWords> _knownWords = new(KnownWords.LoadBesideBinaries);

    public const string FileName = "latency.json";
    private const int BreakdownIterations = 50;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<int> RunAsync(string connectionString, string? url, string? slug, string outDirectory, int rate, int seconds, int warmup, string mode,
        CancellationToken cancellationToken)
    {
        // Enough threads from the start: the pool's slow growth would show up as latency.
        ThreadPool.SetMinThreads(64, 64);
        Directory.CreateDirectory(outDirectory);
        var queries = SearchQueries.All;
        var started = DateTimeOffset.UtcNow;
        Console.WriteLine($"Latency: {queries.Count} queries, {rate} requests/s open loop, {seconds} s each after {warmup} s of warm-up.");

        var findings = new List<QueryFinding>();
        LatencySet? database = null;
        // Its own pool, closed before the next part: the site's pool and this one share max_connections.
        await using (var site = SiteConnection.Open(connectionString))
        {
            await WaitForQuietDatabaseAsync(connectionString, cancellationToken);
            foreach (var query in queries)
            {
                var result = await SearchAsync(site, query.Input(), cancellationToken);
                findings.Add(new QueryFinding(query.Name, query.Path, result.Total, result.CorrectedQuery, result.Products.Count));
                Console.WriteLine($"  {query.Path}: {result.Total} products{(result.CorrectedQuery is { } c ? $" (searched as \"{c}\")" : "")}");
            }
            if (mode is "db" or "both")
            {
                var inputs = queries.Select(q => q.Input()).ToList();
                database = await MeasureAsync("database", connectionString, queries, index => (_, token) => SearchAsync(site, inputs[index], token), rate, seconds, warmup, cancellationToken);
            }
        }

        LatencySet? endToEnd = null;
        if (mode is "http" or "both" && url is not null)
        {
            using var client = CreateClient();
            var baseUri = new Uri(url);
            await CheckOutputCacheIsOffAsync(client, new Uri(baseUri, queries[0].Path), cancellationToken);
            endToEnd = await MeasureAsync("end to end", connectionString, queries,
                index => (_, token) => GetAsync(client, new Uri(baseUri, queries[index].Path), token), rate, seconds, warmup, cancellationToken);
        }

        var breakdown = mode is "db" or "both"
            ? await BreakdownAsync(connectionString, queries, slug, cancellationToken)
            : [];

        var results = new LatencyResults(rate, seconds, warmup, started, findings, database, endToEnd, breakdown);
        var path = Path.Combine(outDirectory, FileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, Json), cancellationToken);
        Console.WriteLine($"Wrote {path}.");
        return 0;
    }

    private static async Task<LatencySet> MeasureAsync(string mode, string connectionString, IReadOnlyList<SearchQuery> queries, Func<int, Func<int, CancellationToken, Task>> callFor,
        int rate, int seconds, int warmup, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{mode}: warm-up, {warmup} s of all queries in turn");
        var calls = Enumerable.Range(0, queries.Count).Select(callFor).ToList();
        var warm = await OpenLoop.RunAsync((i, token) => calls[i % calls.Count](i, token), rate, TimeSpan.FromSeconds(warmup), cancellationToken);
        if (warm.FirstError is { } warmError)
        {
            Console.WriteLine($"  warm-up error: {warmError}");
        }

        var lines = new List<QueryLatency>();
        var pooled = new List<double>();
        var pooledErrors = 0;
        for (var q = 0; q < queries.Count; q++)
        {
            var waited = await WaitForQuietDatabaseAsync(connectionString, cancellationToken);
            if (waited > 1.5)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  waited {waited:0.0} s for the database to finish the earlier backlog"));
            }
            var run = await OpenLoop.RunAsync(calls[q], rate, TimeSpan.FromSeconds(seconds), cancellationToken);
            var summary = LatencySummary.From(run.Latencies, run.Errors);
            lines.Add(new QueryLatency(queries[q].Name, queries[q].Path, summary, run.MaxDispatchLate, run.P99DispatchLate, run.FirstError));
            pooled.AddRange(run.Latencies);
            pooledErrors += run.Errors;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-10} {queries[q].Name,-16} n={summary.Count} errors={summary.Errors} median={summary.Median:0.00} p95={summary.P95:0.00} p99={summary.P99:0.00} max={summary.Max:0.00} ms (dispatch late ≤ {run.MaxDispatchLate:0.00} ms){(run.FirstError is { } e ? " first error: " + e : "")}"));
        }
        var all = LatencySummary.From(pooled, pooledErrors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {mode,-10} {"all",-16} n={all.Count} errors={all.Errors} median={all.Median:0.00} p95={all.P95:0.00} p99={all.P99:0.00} max={all.Max:0.00} ms"));
        return new LatencySet(mode, lines, all);
    }

    /// What the page model does per request: a fresh context, the search, the result.
    private static async Task<ProductSearchResult> SearchAsync(SiteConnection site, ProductSearchInput input, CancellationToken cancellationToken)
    {
        await using var db = site.CreateContext();
        return await new ProductSearch(db, site.DataSource, TimeProvider.System, CatalogueCache.Disabled, _knownWords.Value).RunAsync(input, english: false, cancellationToken);
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Compressed bytes, as a browser gets them; decompressing is the client's work, not the site's.
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private static async Task GetAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"{(int)response.StatusCode} from {uri}");
        }
    }

    /// The output cache answers a repeated address with an Age header; this step must see every
    /// request searched.
    private static async Task CheckOutputCacheIsOffAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Headers.Age is not null)
            {
                throw new InvalidOperationException($"{uri} came from the output cache (Age header): start the site with OutputCache__Enabled=false.");
            }
        }
    }

    /// Waits (at most 30 s) until no other session is running a statement: the site's start-up
    /// refresh of its search vocabulary, or the backlog an overloaded run leaves behind, must not
    /// land in the next run's figures. Returns the seconds waited.
    private static async Task<double> WaitForQuietDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = SiteConnection.ApplicationName + "-quiet" };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var quietChecks = 0;
        while (waited.Elapsed < TimeSpan.FromSeconds(30) && quietChecks < 2)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FROM pg_stat_activity
                WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                """, connection);
            var active = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            quietChecks = active == 0 ? quietChecks + 1 : 0;
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
        return waited.Elapsed.TotalSeconds;
    }

    /// Each query run sequentially with the statements traced: which statement takes the time.
    /// The product page's query too, when a slug is given.
    private static async Task<IReadOnlyList<QueryBreakdown>> BreakdownAsync(string connectionString, IReadOnlyList<SearchQuery> queries, string? slug,
        CancellationToken cancellationToken)
    {
        Console.WriteLine($"Statement breakdown: {BreakdownIterations} sequential runs per query, Npgsql tracing on");
        using var recorder = new StatementRecorder();
        await using var site = SiteConnection.Open(connectionString, StatementRecorder.Configure);
        var work = queries
            .Select(q => (q.Name, Run: (Func<Task>)(() => SearchAsync(site, q.Input(), cancellationToken))))
            .ToList();
        if (!string.IsNullOrEmpty(slug))
        {
            var markdown = new MarkdownRenderer();
            async Task ProductPageAsync()
            {
                await using var db = site.CreateContext();
                _ = await new ProductDetailQuery(db, TimeProvider.System, markdown, CatalogueCache.Disabled).RunAsync(slug, english: false, cancellationToken)
                    ?? throw new InvalidOperationException($"No published product {slug}.");
            }
            work.Add(("product page query", ProductPageAsync));
        }
        var breakdowns = new List<QueryBreakdown>();
        foreach (var (name, run) in work)
        {
            for (var i = 0; i < 5; i++)
            {
                await run();
            }
            var totals = new List<double>();
            var inStatements = new List<double>();
            var perLabel = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var perRun = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < BreakdownIterations; i++)
            {
                recorder.Begin();
                var watch = Stopwatch.StartNew();
                await run();
                totals.Add(watch.Elapsed.TotalMilliseconds);
                var statements = recorder.End();
                inStatements.Add(statements.Sum(s => s.Milliseconds));
                foreach (var group in statements.GroupBy(s => s.Label))
                {
                    (perLabel.TryGetValue(group.Key, out var list) ? list : perLabel[group.Key] = []).Add(group.Sum(s => s.Milliseconds));
                    perRun.TryAdd(group.Key, group.Count());
                }
            }
            var shares = perLabel
                .Select(p => new StatementShare(p.Key, perRun[p.Key], Median(p.Value), p.Value.Average()))
                .OrderByDescending(s => s.Median)
                .ToList();
            var breakdown = new QueryBreakdown(name, BreakdownIterations, Median(totals), Median(inStatements), shares);
            breakdowns.Add(breakdown);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-18} total {breakdown.MedianTotal:0.00} ms, in statements {breakdown.MedianInStatements:0.00} ms: {string.Join(", ", shares.Select(s => $"{s.Label} {s.Median:0.00}"))}"));
        }
        return breakdowns;
    }

    private static double Median(IEnumerable<double> values) => LatencySummary.Percentile(values.Order().ToArray(), 50);
}
