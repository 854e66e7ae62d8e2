using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LocalProducts.Benchmarks.Bench;

/// One wrk run as wrk-report.lua prints it (microseconds).
internal sealed record WrkRun(string Cache, string Name, long Requests, long DurationUs, long Bytes, WrkErrors Errors, WrkLatency LatencyUs)
{
    public double RequestsPerSecond => Requests / (DurationUs / 1_000_000.0);
}

internal sealed record WrkErrors(long Connect, long Read, long Write, long Status, long Timeout)
{
    public long Total => Connect + Read + Write + Status + Timeout;
}

internal sealed record WrkLatency(double Mean, double Stdev, long Max, long P50, long P90, long P99);

/// `bench report`: the Markdown of a results folder, with every target beside its figure.
internal static class ReportStep
{
    public const double DatabaseP95Target = 20;
    public const double EndToEndP95Target = 50;
    public const double SearchOverFortunesTarget = 0.30;
    public const double ProductOverFortunesTarget = 0.50;
    public const double CachedOverPlainTarget = 0.50;
    /// KB here is 1,000 bytes, the stricter reading.
    public const long HtmlTargetBytes = 30_000;
    public const long FirstViewTargetBytes = 150_000;

    private static readonly JsonSerializerOptions _read = new(LatencyStep.Json) { PropertyNameCaseInsensitive = true };
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    private static readonly (string Name, string Title)[] _endpoints =
    [
        ("plain", "`/bench/plain` (text, no database)"),
        ("fortunes", "`/bench/fortunes` (12 rows, Razor)"),
        ("search", "`/produk?q=kopi` (search page)"),
        ("product", "`/produk/{slug}` (product page)"),
    ];

    public static async Task<int> RunAsync(string resultsDirectory, string markdownPath)
    {
        var latency = await ReadAsync<LatencyResults>(Path.Combine(resultsDirectory, LatencyStep.FileName));
        var coldLatency = await ReadAsync<LatencyResults>(Path.Combine(resultsDirectory, "cold", LatencyStep.FileName));
        var weight = await ReadAsync<WeightResults>(Path.Combine(resultsDirectory, WeightStep.FileName));
        var explain = await ReadAsync<ExplainResults>(Path.Combine(resultsDirectory, ExplainStep.FileName));
        var environment = File.Exists(Path.Combine(resultsDirectory, "env.txt"))
            ? (await File.ReadAllLinesAsync(Path.Combine(resultsDirectory, "env.txt")))
                .Where(l => l.Contains('=', StringComparison.Ordinal))
                .Select(l => l.Split('=', 2))
                .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var wrk = new List<WrkRun>();
        foreach (var file in Directory.EnumerateFiles(resultsDirectory, "wrk-*.json").Order(StringComparer.Ordinal))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('-', 3);
            var run = await ReadAsync<WrkRun>(file);
            if (run is not null && parts.Length == 3)
            {
                wrk.Add(run with { Cache = parts[1], Name = parts[2] });
            }
        }

        var md = new StringBuilder();
        md.AppendLine("# Melokal benchmark results");
        md.AppendLine();
        md.AppendLine(Invariant($"Written by `bench report` from `{Path.GetFileName(Path.GetFullPath(resultsDirectory))}/`; the method and the reading of these figures are in docs/performance.md."));
        md.AppendLine();
        if (environment.Count > 0)
        {
            md.AppendLine("| | |");
            md.AppendLine("| --- | --- |");
            foreach (var (key, value) in environment)
            {
                md.AppendLine(Invariant($"| {key} | {value} |"));
            }
            md.AppendLine();
        }

        WriteLatency(md, latency, coldLatency);
        WriteThroughput(md, wrk, environment);
        WriteWeight(md, weight);
        WriteExplain(md, explain);

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
        await File.WriteAllTextAsync(markdownPath, md.ToString());
        Console.WriteLine($"Wrote {markdownPath}.");
        return 0;
    }

    private static void WriteLatency(StringBuilder md, LatencyResults? latency, LatencyResults? coldLatency)
    {
        md.AppendLine("## 1. Search latency, open loop");
        md.AppendLine();
        if (latency is null)
        {
            md.AppendLine("No latency.json: the step did not run.").AppendLine();
            return;
        }
        md.AppendLine(Invariant($"{latency.Rate} requests per second scheduled every {1000.0 / latency.Rate:0.#} ms whatever the earlier ones do; latency counted from the scheduled time; {latency.Seconds} s per query after {latency.Warmup} s of warm-up. Milliseconds."));
        md.AppendLine();
        md.AppendLine("| query | finds |");
        md.AppendLine("| --- | --- |");
        foreach (var finding in latency.Findings)
        {
            md.AppendLine(Invariant($"| `{finding.Path}` | {finding.Total:N0} products{(finding.CorrectedQuery is { } c ? $", searched as “{c}”" : "")} |"));
        }
        md.AppendLine();
        var sets = new (LatencySet? Set, double Target, string Description)[]
        {
            (latency.Database, DatabaseP95Target,
                "**In the database**: `ProductSearch.RunAsync` (all its statements) called in the benchmark process with the search cache off (`CatalogueCache.Disabled`: every call computes its counts and page), a fresh `AppDbContext` per call, the site's connection settings."),
            (latency.EndToEnd, EndToEndP95Target,
                "**End to end, as deployed**: `GET /produk?…` on the published site, output cache off, search cache on (counts and pages kept a minute), HttpClient in the benchmark process, `Accept-Encoding: br, gzip`, whole body read."),
            (coldLatency?.EndToEnd, EndToEndP95Target,
                "**End to end, nothing cached**: the same requests with the output cache and the search cache both off (`CatalogueCache__Seconds=0`): every request computes its search."),
        };
        foreach (var (set, target, description) in sets)
        {
            if (set is null)
            {
                continue;
            }
            md.AppendLine(description);
            md.AppendLine();
            md.AppendLine(Invariant($"| query | count | errors | median | p95 | p99 | max | p95 target | |"));
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var line in set.Queries)
            {
                md.AppendLine(LatencyRow(line.Name, line.Summary, target));
            }
            md.AppendLine(LatencyRow("**all pooled**", set.Pooled, target));
            md.AppendLine();
            var late = set.Queries.Max(q => q.MaxDispatchLate);
            md.AppendLine(Invariant($"The scheduler sent every request at most {late:0.00} ms after its time (that lateness is inside the figures)."));
            foreach (var line in set.Queries.Where(q => q.FirstError is not null))
            {
                md.AppendLine(Invariant($"First error of {line.Name}: {line.FirstError}"));
            }
            md.AppendLine();
        }
        if (latency.Breakdown.Count > 0)
        {
            md.AppendLine("**Where a search's time goes** (sequential searches with Npgsql tracing on; medians in ms; each statement from sending it to closing its reader):");
            md.AppendLine();
            md.AppendLine("| query | whole search | in statements | statements, slowest first (count per search if more than 1) |");
            md.AppendLine("| --- | ---: | ---: | --- |");
            foreach (var b in latency.Breakdown)
            {
                var statements = string.Join(", ", b.Statements.Select(s => Invariant($"{s.Label}{(s.PerSearch > 1 ? $" ×{s.PerSearch}" : "")} {s.Median:0.00}")));
                md.AppendLine(Invariant($"| {b.Name} | {b.MedianTotal:0.00} | {b.MedianInStatements:0.00} | {statements} |"));
            }
            md.AppendLine();
        }
    }

    private static string LatencyRow(string name, LatencySummary s, double target) =>
        Invariant($"| {name} | {s.Count} | {s.Errors} | {s.Median:0.00} | {s.P95:0.00} | {s.P99:0.00} | {s.Max:0.00} | ≤ {target:0} | {PassFail(s.Errors == 0 && s.P95 <= target)} |");

    private static void WriteThroughput(StringBuilder md, List<WrkRun> wrk, Dictionary<string, string> environment)
    {
        md.AppendLine("## 2. Throughput, wrk on loopback");
        md.AppendLine();
        if (wrk.Count == 0)
        {
            md.AppendLine("No wrk-*.json: the step did not run.").AppendLine();
            return;
        }
        md.AppendLine(Invariant($"`wrk {environment.GetValueOrDefault("wrk_args", "")}` after a warm-up of {environment.GetValueOrDefault("wrk_warmup", "?")}, one endpoint at a time, no `Accept-Encoding` (uncompressed, as TechEmpower). wrk and the site share the machine's cores. Latency in ms."));
        md.AppendLine();
        md.AppendLine("Caches: **off** = output cache off, the search's own cache on (as deployed without the output cache); **cold** = both off, every request computes its page; **on** = both on.");
        md.AppendLine();
        md.AppendLine("| endpoint | caches | requests/s | p50 | p90 | p99 | max | errors |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var cache in new[] { "off", "cold", "on" })
        {
            foreach (var (name, title) in _endpoints)
            {
                if (Find(wrk, cache, name) is { } run)
                {
                    md.AppendLine(Invariant($"| {title} | {cache} | {run.RequestsPerSecond:N0} | {run.LatencyUs.P50 / 1000.0:0.00} | {run.LatencyUs.P90 / 1000.0:0.00} | {run.LatencyUs.P99 / 1000.0:0.00} | {run.LatencyUs.Max / 1000.0:0.0} | {run.Errors.Total} |"));
                }
            }
        }
        md.AppendLine();
        md.AppendLine("| ratio | value | target | |");
        md.AppendLine("| --- | ---: | ---: | --- |");
        Ratio(md, "search page ÷ fortunes, cache off", Find(wrk, "off", "search"), Find(wrk, "off", "fortunes"), SearchOverFortunesTarget);
        Ratio(md, "product page ÷ fortunes, cache off", Find(wrk, "off", "product"), Find(wrk, "off", "fortunes"), ProductOverFortunesTarget);
        Ratio(md, "search page ÷ fortunes, nothing cached", Find(wrk, "cold", "search"), Find(wrk, "cold", "fortunes"), SearchOverFortunesTarget);
        Ratio(md, "product page ÷ fortunes, nothing cached", Find(wrk, "cold", "product"), Find(wrk, "cold", "fortunes"), ProductOverFortunesTarget);
        Ratio(md, "search page ÷ plain, cache on", Find(wrk, "on", "search"), Find(wrk, "on", "plain"), CachedOverPlainTarget);
        Ratio(md, "product page ÷ plain, cache on", Find(wrk, "on", "product"), Find(wrk, "on", "plain"), CachedOverPlainTarget);
        md.AppendLine();
    }

    private static WrkRun? Find(List<WrkRun> runs, string cache, string name) =>
        runs.FirstOrDefault(r => r.Cache == cache && r.Name == name);

    private static void Ratio(StringBuilder md, string name, WrkRun? over, WrkRun? under, double target)
    {
        if (over is null || under is null)
        {
            md.AppendLine(Invariant($"| {name} | not measured | ≥ {target:P0} | |"));
            return;
        }
        var ratio = over.RequestsPerSecond / under.RequestsPerSecond;
        var clean = over.Errors.Total == 0 && under.Errors.Total == 0;
        md.AppendLine(Invariant($"| {name} | {ratio:P1} ({over.RequestsPerSecond:N0} ÷ {under.RequestsPerSecond:N0}) | ≥ {target:P0} | {PassFail(clean && ratio >= target)} |"));
    }

    private static void WriteWeight(StringBuilder md, WeightResults? weight)
    {
        md.AppendLine("## 3. Page weight of a product page");
        md.AppendLine();
        if (weight is null)
        {
            md.AppendLine("No weight.json: the step did not run.").AppendLine();
            return;
        }
        md.AppendLine(Invariant($"`{weight.Page}`; response bodies in bytes (headers not counted); KB = 1,000 bytes."));
        md.AppendLine();
        md.AppendLine("| resource | type | uncompressed | Brotli (`br`) | gzip |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: |");
        foreach (var r in weight.FirstView)
        {
            md.AppendLine(Invariant($"| {r.Kind}: `{r.Path}` | {r.ContentType} | {r.Identity.Bytes:N0} | {r.Brotli.Bytes:N0}{Encoding(r.Brotli)} | {r.Gzip.Bytes:N0}{Encoding(r.Gzip)} |"));
        }
        md.AppendLine(Invariant($"| **first view** | | {weight.FirstViewIdentity:N0} | {weight.FirstViewBrotli:N0} | {weight.FirstViewGzip:N0} |"));
        md.AppendLine();
        var scriptFree = weight.ScriptSources.Count == 0 && weight.InlineScripts == 0;
        md.AppendLine("| figure | value | target | |");
        md.AppendLine("| --- | ---: | ---: | --- |");
        md.AppendLine(Invariant($"| HTML, Brotli | {weight.Html.Brotli.Bytes / 1000.0:0.0} KB | ≤ {HtmlTargetBytes / 1000} KB | {PassFail(weight.Html.Brotli.Bytes <= HtmlTargetBytes)} |"));
        md.AppendLine(Invariant($"| HTML, gzip | {weight.Html.Gzip.Bytes / 1000.0:0.0} KB | ≤ {HtmlTargetBytes / 1000} KB | {PassFail(weight.Html.Gzip.Bytes <= HtmlTargetBytes)} |"));
        md.AppendLine(Invariant($"| script | {weight.ScriptSources.Count} files (`<script src>`), {weight.InlineScripts} inline scripts; {weight.JsonLdBlocks} JSON-LD data block(s), not code | 0 | {PassFail(scriptFree)} |"));
        md.AppendLine(Invariant($"| fonts | {weight.FontFaces} `@font-face` (system fonts) | | |"));
        md.AppendLine(Invariant($"| first view, Brotli | {weight.FirstViewBrotli / 1000.0:0.0} KB | ≤ {FirstViewTargetBytes / 1000} KB | {PassFail(weight.FirstViewBrotli <= FirstViewTargetBytes)} |"));
        md.AppendLine(Invariant($"| first view, gzip | {weight.FirstViewGzip / 1000.0:0.0} KB | ≤ {FirstViewTargetBytes / 1000} KB | {PassFail(weight.FirstViewGzip <= FirstViewTargetBytes)} |"));
        md.AppendLine();
        if (weight.LaterImages.Count > 0)
        {
            md.AppendLine(Invariant($"Further images on the page, not in the first view: {weight.LaterImages.Count}."));
            md.AppendLine();
        }
    }

    private static string Encoding(Transfer transfer) => transfer.ContentEncoding is { } e ? $" ({e})" : " (as is)";

    private static void WriteExplain(StringBuilder md, ExplainResults? explain)
    {
        md.AppendLine("## 4. EXPLAIN (ANALYZE, BUFFERS) of the search's statements");
        md.AppendLine();
        if (explain is null)
        {
            md.AppendLine("No explain.json: the step did not run.").AppendLine();
            return;
        }
        md.AppendLine("Each statement as the site sent it (captured from Npgsql), explained twice: with the values written in (the plan PostgreSQL makes for those values; third run, pages cached), "
            + "and as a prepared statement after six runs, which is what the site's auto-prepared statements (Max Auto Prepare 64, after 2 uses) settle on.");
        md.AppendLine();
        md.AppendLine("| query | statement | traced ms | values written in | prepared | indexes |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | --- |");
        foreach (var query in explain.Queries)
        {
            foreach (var statement in query.Explained)
            {
                md.AppendLine(Invariant($"| `{query.Query}` | {statement.Label} | {statement.TracedMilliseconds:0.00} | {ExecutionMs(statement.Plan)} | {ExecutionMs(statement.PreparedPlan)}{(statement.PreparedPlanIsGeneric ? " (generic)" : " (custom)")} | {string.Join(", ", statement.Indexes.Select(i => $"`{i}`"))} |"));
            }
        }
        md.AppendLine();
        foreach (var query in explain.Queries)
        {
            md.AppendLine(Invariant($"### `{query.Query}`"));
            md.AppendLine();
            md.AppendLine(Invariant($"{query.Statements.Count} statements (traced, ms): {string.Join(", ", query.Statements.Select(s => Invariant($"{s.Label} {s.Milliseconds:0.00}")))}."));
            md.AppendLine();
            foreach (var statement in query.Explained)
            {
                md.AppendLine(Invariant($"#### {statement.Label}"));
                md.AppendLine();
                md.AppendLine("```sql").AppendLine(statement.Sql.Trim()).AppendLine("```");
                md.AppendLine();
                md.AppendLine("With the values written in:");
                md.AppendLine();
                md.AppendLine("```").AppendLine(statement.Plan).AppendLine("```");
                md.AppendLine();
                md.AppendLine(statement.PreparedPlanIsGeneric
                    ? "As a prepared statement after six runs (generic plan):"
                    : "As a prepared statement after six runs (still a custom plan):");
                md.AppendLine();
                md.AppendLine("```").AppendLine(statement.PreparedPlan).AppendLine("```");
                md.AppendLine();
            }
        }
        md.AppendLine("Server settings:");
        md.AppendLine();
        md.AppendLine("| setting | value |");
        md.AppendLine("| --- | --- |");
        foreach (var (name, value) in explain.Settings)
        {
            md.AppendLine(Invariant($"| {name} | {value} |"));
        }
        md.AppendLine();
        md.AppendLine("| relation | kind | size |");
        md.AppendLine("| --- | --- | ---: |");
        foreach (var size in explain.Sizes)
        {
            md.AppendLine(Invariant($"| {size.Name} | {size.Kind} | {size.Bytes / 1024.0 / 1024.0:0.0} MiB |"));
        }
        md.AppendLine();
    }

    private static string ExecutionMs(string plan) =>
        System.Text.RegularExpressions.Regex.Match(plan, @"Execution Time: ([\d.]+) ms") is { Success: true } match ? match.Groups[1].Value : "?";

    private static string PassFail(bool pass) => pass ? "pass" : "**FAIL**";

    private static string Invariant(FormattableString text) => text.ToString(_invariant);

    private static async Task<T?> ReadAsync<T>(string path) where T : class =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(path), _read) : null;
}
