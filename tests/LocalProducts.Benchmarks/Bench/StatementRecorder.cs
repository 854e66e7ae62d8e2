using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace LocalProducts.Benchmarks.Bench;

internal sealed record CapturedParameter(string Name, object? Value);

/// One statement as Npgsql ran it, with its parameters and how long it took (from sending it to
/// closing its reader).
internal sealed record CapturedStatement(string Label, string Sql, IReadOnlyList<CapturedParameter> Parameters, double Milliseconds)
{
    /// The SQL with every parameter written in as a literal: what psql would run.
    public string WithLiterals() => Substitute(Sql, Parameters, p => Literal(p.Value));

    /// The SQL with $1, $2… for the parameters it uses, in their order, for PREPARE.
    public string WithPositions()
    {
        var used = UsedParameters();
        return Substitute(Sql, Parameters, p => "$" + (used.IndexOf(p) + 1).ToString(CultureInfo.InvariantCulture));
    }

    /// The values for EXECUTE of <see cref="WithPositions"/>.
    public string LiteralArguments() => string.Join(", ", UsedParameters().Select(p => Literal(p.Value)));

    /// Parameters a statement is given but does not name in its text cannot be typed by PREPARE.
    private List<CapturedParameter> UsedParameters()
    {
        var used = new List<CapturedParameter>();
        Substitute(Sql, Parameters, p =>
        {
            if (!used.Contains(p))
            {
                used.Add(p);
            }
            return "";
        });
        return Parameters.Where(used.Contains).ToList();
    }

    private static string Substitute(string sql, IReadOnlyList<CapturedParameter> parameters, Func<CapturedParameter, string> replacement)
    {
        // Named (@today; not the @@ operator) and positional ($1) placeholders.
        var named = Regex.Replace(sql, @"(?<![@\w])@(\w+)", match =>
            parameters.FirstOrDefault(p => Bare(p.Name) == match.Groups[1].Value) is { } parameter ? replacement(parameter) : match.Value);
        return Regex.Replace(named, @"(?<![\w$])\$(\d+)\b", match =>
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var n && n >= 1 && n <= parameters.Count && parameters[n - 1].Name.Length == 0
                ? replacement(parameters[n - 1])
                : match.Value);
    }

    private static string Bare(string name) => name.TrimStart('@', ':');

    public static string Literal(object? value) => value switch
    {
        null or DBNull => "NULL",
        string text => Quote(text),
        DateOnly date => $"DATE '{date:yyyy-MM-dd}'",
        DateTime time => $"TIMESTAMPTZ '{time:O}'",
        DateTimeOffset time => $"TIMESTAMPTZ '{time:O}'",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture) + "::bigint",
        IEnumerable<int> numbers => $"ARRAY[{string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))}]::integer[]",
        IEnumerable<string> texts => $"ARRAY[{string.Join(", ", texts.Select(Quote))}]::text[]",
        IEnumerable items => $"ARRAY[{string.Join(", ", items.Cast<object?>().Select(Literal))}]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(value.ToString() ?? ""),
    };

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// Records the statements run on data sources set up with <see cref="Configure"/>, through
/// Npgsql's tracing activities. Only while it exists do those activities cost anything.
internal sealed class StatementRecorder : IDisposable
{
    private const string Property = "melokal.bench.statement";
    private readonly ActivityListener _listener;
    private readonly Lock _gate = new();
    private List<CapturedStatement>? _current;

    public StatementRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// Makes the data source attach each command's text and parameters to its activity.
    public static void Configure(NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(tracing => tracing.ConfigureCommandEnrichmentCallback((activity, command) =>
            activity.SetCustomProperty(Property, (command.CommandText, command.Parameters
                .Select(p => new CapturedParameter(p.ParameterName, p.Value))
                .ToList()))));

    public void Begin()
    {
        lock (_gate)
        {
            _current = [];
        }
    }

    public List<CapturedStatement> End()
    {
        lock (_gate)
        {
            var statements = _current ?? [];
            _current = null;
            return statements;
        }
    }

    private void OnStopped(Activity activity)
    {
        if (activity.GetCustomProperty(Property) is not (string sql, List<CapturedParameter> parameters))
        {
            return;
        }
        lock (_gate)
        {
            _current?.Add(new CapturedStatement(Label(sql), sql, parameters, activity.Duration.TotalMilliseconds));
        }
    }

    /// A short name for each statement of ProductSearch.RunAsync.
    public static string Label(string sql) => sql switch
    {
        _ when sql.Contains("WITH m AS", StringComparison.Ordinal) => "facet counts",
        _ when sql.Contains("FROM product_facet_counts_day", StringComparison.Ordinal) => "kept facet counts",
        _ when sql.Contains("ts_match_vq", StringComparison.Ordinal) || sql.Contains("OFFSET 0) AS matching", StringComparison.Ordinal) => "page of a common word",
        _ when sql.Contains("SELECT id FROM (", StringComparison.Ordinal) => "page of ids",
        _ when sql.Contains("melokal_document", StringComparison.Ordinal) => "query words",
        _ when sql.Contains("AS known", StringComparison.Ordinal) => "typo correction",
        _ when sql.Contains("DISTINCT ON (t.ndoc", StringComparison.Ordinal) => "suggestions",
        _ when sql.Contains("FROM categories", StringComparison.Ordinal) => "categories",
        _ when sql.Contains("FROM provinces", StringComparison.Ordinal) => "provinces",
        _ when sql.Contains("FROM regencies", StringComparison.Ordinal) => "regencies",
        _ when sql.Contains("FROM products AS p", StringComparison.Ordinal) => ProductRead(sql),
        _ => Shortened(Regex.Replace(sql, @"\s+", " ").Trim()),
    };

    /// The search's cards, and the product page's split query and related products.
    private static string ProductRead(string sql) => sql switch
    {
        _ when sql.Contains("= ANY", StringComparison.Ordinal) => "cards",
        _ when sql.Contains("ORDER BY p.published_at DESC", StringComparison.Ordinal) => "related products",
        _ when sql.Contains("JOIN certifications", StringComparison.Ordinal) => "product: certifications",
        _ when sql.Contains("JOIN marketplace_links", StringComparison.Ordinal) => "product: links",
        _ when sql.Contains("JOIN product_images", StringComparison.Ordinal) => "product: images",
        _ => "product",
    };

    private static string Shortened(string text) => text.Length <= 60 ? text : text[..60] + "…";

    public void Dispose() => _listener.Dispose();
}
