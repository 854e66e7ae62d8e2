using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Products.Search;
using LocalProducts.Web.Pages.Products.Suggestions;

namespace LocalProducts.Benchmarks.Bench;

/// `bench suggest`: the search box's suggestions (SuggestionSearch.RunAsync, what GET
/// /api/v1/saran runs) in this process against the database, uncached (CatalogueCache.Disabled),
/// a fresh AppDbContext per call, one call after another: p50 and p95 per typed text and per kind
/// of text (short prefix, word, phrase, typo).
internal static class SuggestStep
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    /// (kind, typed text) as a shopper types them.
    public static readonly IReadOnlyList<(string Kind, string Typed)> Typed =
    [
        ("2 letters", "ko"), ("2 letters", "ba"), ("2 letters", "te"), ("2 letters", "ma"), ("2 letters", "ge"),
        ("3-4 letters", "kop"), ("3-4 letters", "bat"), ("3-4 letters", "tenu"), ("3-4 letters", "sam"), ("3-4 letters", "gayo"),
        ("phrase", "batik t"), ("phrase", "kopi g"), ("phrase", "kopi arab"), ("phrase", "tas rot"), ("phrase", "madu hut"),
        ("typo", "batk"), ("typo", "kopu"), ("typo", "tenum"), ("typo", "sambel"), ("typo", "kerajian"),
    ];

    public static async Task<int> RunAsync(string? connectionString, string? embedded, string? outDirectory, int runs, string? explain, CancellationToken cancellationToken)
    {
        // --embedded adopts a cluster already running in that folder (bench cluster), as it is;
        // it never starts or makes one (an empty folder would become an empty cluster).
        if (connectionString is null && !File.Exists(Path.Combine(embedded!, "data", "postmaster.pid")))
        {
            Console.Error.WriteLine($"No server is running on {Path.GetFullPath(embedded!)}: start it with bench cluster --embedded first.");
            return 1;
        }
        var cs = connectionString ?? EmbeddedPostgres.Start(new EmbeddedPostgresOptions { RootDirectory = embedded! }).ConnectionString;
        await using var site = SiteConnection.Open(cs);
        if (explain is not null)
        {
            // The plan of the statement for one typed text, with the values as parameters.
            await using var command = SuggestionSearch.CreateCommand(site.DataSource, SuggestionInput.Parse(explain));
            command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                Console.WriteLine(reader.GetString(0));
            }
            return 0;
        }
        var rows = new List<object>();
        var byKind = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        Console.WriteLine($"{"typed",-12} {"p50 ms",8} {"p95 ms",8}  first suggestions");
        foreach (var (kind, typed) in Typed)
        {
            var input = SuggestionInput.Parse(typed);
            IReadOnlyList<Suggestion> answer = [];
            for (var i = 0; i < 5; i++)
            {
                answer = await RunOnceAsync(site, input, cancellationToken);
            }
            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await RunOnceAsync(site, input, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            var summary = LatencySummary.From(times, 0);
            (byKind.TryGetValue(kind, out var all) ? all : byKind[kind] = []).AddRange(times);
            rows.Add(new { kind, typed, p50 = summary.Median, p95 = summary.P95, suggestions = answer.Select(s => $"{s.Kind}:{s.Label}") });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{typed,-12} {summary.Median,8:0.00} {summary.P95,8:0.00}  {string.Join(" | ", answer.Take(5).Select(s => $"{s.Kind}:{s.Label}"))}"));
        }
        Console.WriteLine();
        Console.WriteLine($"{"kind",-12} {"p50 ms",8} {"p95 ms",8}");
        foreach (var (kind, times) in byKind)
        {
            var summary = LatencySummary.From(times, 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-12} {summary.Median,8:0.00} {summary.P95,8:0.00}"));
        }
        var overall = LatencySummary.From(byKind.Values.SelectMany(t => t).ToList(), 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-12} {overall.Median,8:0.00} {overall.P95,8:0.00}"));
        if (outDirectory is not null)
        {
            Directory.CreateDirectory(outDirectory);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "suggest.json"),
                JsonSerializer.Serialize(new { runs, rows, all = new { p50 = overall.Median, p95 = overall.P95 } }, _json), cancellationToken);
        }
        return 0;
    }

    private static async Task<IReadOnlyList<Suggestion>> RunOnceAsync(SiteConnection site, SuggestionInput input, CancellationToken cancellationToken)
    {
        await using var db = site.CreateContext();
        return await new SuggestionSearch(db, site.DataSource, CatalogueCache.Disabled).RunAsync(input, english: false, cancellationToken);
    }
}
