using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LocalProducts.Web.Pages.Products.Search;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

internal sealed record ExplainedStatement(
    string Label,
    string Sql,
    double TracedMilliseconds,
    string Plan,
    string PreparedPlan,
    bool PreparedPlanIsGeneric,
    IReadOnlyList<string> Indexes);

internal sealed record RelationSize(string Name, string Kind, long Bytes);

internal sealed record ExplainedQuery(string Query, IReadOnlyList<CapturedStatementSummary> Statements, IReadOnlyList<ExplainedStatement> Explained);

internal sealed record ExplainResults(IReadOnlyList<ExplainedQuery> Queries, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<RelationSize> Sizes);

internal sealed record CapturedStatementSummary(string Label, double Milliseconds);

/// `bench explain`: the statements ProductSearch.RunAsync runs for q=kopi, for the search with
/// filters and for the broad browse, captured from Npgsql
/// as they were sent (text and parameters), then EXPLAIN (ANALYZE, BUFFERS) of the ones that read
/// products: with the parameters written in (the plan of a one-off statement), and as a prepared
/// statement after six runs (what the site's auto-prepared statements settle on).
internal static class ExplainStep
{
    private static readonly Lazy<KnownWords> _knownWords = new(KnownWords.LoadBesideBinaries);

    public const string FileName = "explain.json";
    private static readonly string[] _explained = ["facet counts", "kept facet counts", "page of a common word", "page of ids", "cards"];

    public static async Task<int> RunAsync(string connectionString, string outDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outDirectory);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = SiteConnection.ApplicationName, Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var queries = new List<ExplainedQuery>();
        foreach (var query in new[] { SearchQueries.All[0], SearchQueries.All.Single(q => q.Name == "filters"), SearchQueries.All.Single(q => q.Name == "browse category") })
        {
            queries.Add(await ExplainQueryAsync(connectionString, connection, query, cancellationToken));
        }
        var results = new ExplainResults(queries, await SettingsAsync(connection, cancellationToken), await SizesAsync(connection, cancellationToken));
        var path = Path.Combine(outDirectory, FileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(results, LatencyStep.Json), cancellationToken);
        Console.WriteLine($"Wrote {path}.");
        return 0;
    }

    private static async Task<ExplainedQuery> ExplainQueryAsync(string connectionString, NpgsqlConnection connection, SearchQuery query, CancellationToken cancellationToken)
    {
        var statements = new List<CapturedStatement>();
        using (var recorder = new StatementRecorder())
        {
            await using var site = SiteConnection.Open(connectionString, StatementRecorder.Configure);
            // The last of four searches: statements prepared, pages cached, as on a site in use.
            for (var i = 0; i < 4; i++)
            {
                recorder.Begin();
                await using (var db = site.CreateContext())
                {
                    await new ProductSearch(db, site.DataSource, TimeProvider.System, CatalogueCache.Disabled, _knownWords.Value).RunAsync(query.Input(), english: false, cancellationToken);
                }
                statements = recorder.End();
            }
        }
        Console.WriteLine($"{query.Path} ran {statements.Count} statements: {string.Join(", ", statements.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Label} {s.Milliseconds:0.00} ms")))}");

        var explained = new List<ExplainedStatement>();
        foreach (var statement in statements.Where(s => _explained.Contains(s.Label)))
        {
            var sql = statement.WithLiterals();
            // The last of three runs: the pages are in shared buffers, as they are for a site in use.
            var plan = "";
            for (var i = 0; i < 3; i++)
            {
                plan = await ExplainAsync(connection, $"EXPLAIN (ANALYZE, BUFFERS, SETTINGS) {sql}", cancellationToken);
            }
            var prepared = await PreparedPlanAsync(connection, statement, cancellationToken);
            var indexes = Regex.Matches(plan + "\n" + prepared, @"(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\w+)")
                .Select(m => m.Groups[1].Value)
                .Distinct()
                .ToList();
            explained.Add(new ExplainedStatement(statement.Label, sql, statement.Milliseconds, plan, prepared,
                Regex.IsMatch(prepared, @"\$\d+"), indexes));
            Console.WriteLine($"  {statement.Label}: {ExecutionTime(plan)} (prepared: {ExecutionTime(prepared)}), indexes {string.Join(", ", indexes)}");
        }
        return new ExplainedQuery(query.Path, statements.Select(s => new CapturedStatementSummary(s.Label, s.Milliseconds)).ToList(), explained);
    }

    private static string ExecutionTime(string plan) =>
        Regex.Match(plan, @"Execution Time: [\d.]+ ms") is { Success: true } match ? match.Value : "?";

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    /// PostgreSQL plans a prepared statement's first five runs with its values, then keeps a
    /// generic plan if that looks no dearer: run it six times, then explain the seventh.
    private static async Task<string> PreparedPlanAsync(NpgsqlConnection connection, CapturedStatement statement, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, $"PREPARE bench_plan AS {statement.WithPositions()}", cancellationToken);
        try
        {
            var execute = $"EXECUTE bench_plan({statement.LiteralArguments()})";
            for (var i = 0; i < 6; i++)
            {
                await ExecuteAsync(connection, execute, cancellationToken);
            }
            return await ExplainAsync(connection, $"EXPLAIN (ANALYZE, BUFFERS) {execute}", cancellationToken);
        }
        finally
        {
            await ExecuteAsync(connection, "DEALLOCATE bench_plan", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyDictionary<string, string>> SettingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT name, setting || coalesce(' ' || unit, '') FROM pg_settings
            WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost',
                           'jit', 'jit_above_cost', 'max_parallel_workers_per_gather', 'max_connections', 'fsync', 'synchronous_commit')
            ORDER BY name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            settings[reader.GetString(0)] = reader.GetString(1);
        }
        return settings;
    }

    private static async Task<IReadOnlyList<RelationSize>> SizesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, CASE c.relkind WHEN 'i' THEN 'index' WHEN 'm' THEN 'materialized view' ELSE 'table' END, pg_relation_size(c.oid)
            FROM pg_class c
            WHERE c.relname IN ('products', 'product_search', 'product_facet_counts', 'search_terms', 'certifications', 'marketplace_links', 'ikms')
               OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN ('products'::regclass, 'product_search'::regclass))
            UNION ALL
            SELECT 'products (with TOAST and indexes)', 'total', pg_total_relation_size('products')
            ORDER BY 3 DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var sizes = new List<RelationSize>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sizes.Add(new RelationSize(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return sizes;
    }
}
