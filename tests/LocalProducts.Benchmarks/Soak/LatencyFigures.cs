using System.Globalization;
using LocalProducts.Benchmarks.Faults;

namespace LocalProducts.Benchmarks.Soak;

/// Throughput, latency percentiles and errors of a set of requests. Errors are 5xx answers,
/// timeouts (no answer within the client's 15 s) and connection failures; 429 (a limit refusing)
/// is counted apart, with the kind of request it refused; any other unexpected answer is "other".
internal sealed record LatencyFigures(
    string Name, int Requests, double PerSecond, double P50, double P95, double P99, int Errors5xx, int Timeouts, int ConnectionFailures,
    int TooMany, int Other, string Details)
{
    public int Errors => Errors5xx + Timeouts + ConnectionFailures;

    public static LatencyFigures Of(string name, IReadOnlyCollection<Outcome> outcomes, double seconds)
    {
        var sorted = outcomes.Select(o => o.Ms).Order().ToArray();
        var failed = outcomes.Where(o => !o.Ok).ToList();
        var details = string.Join(", ", failed.GroupBy(o => o.Status switch
        {
            0 => $"{o.Kind} {o.Error}",
            _ => $"{o.Kind} {o.Status}",
        }).OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Key} ×{g.Count()}"));
        return new LatencyFigures(
            name, sorted.Length, seconds > 0 ? sorted.Length / seconds : 0,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99),
            failed.Count(o => o.Status >= 500),
            failed.Count(o => o.Status == 0 && o.Error == nameof(TaskCanceledException)),
            failed.Count(o => o.Status == 0 && o.Error != nameof(TaskCanceledException)),
            failed.Count(o => o.Status == 429),
            failed.Count(o => o.Status is > 0 and < 500 and not 429),
            details);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];

    public const string Columns = "requests | req/s | p50 ms | p95 ms | p99 ms | errors (5xx / timeout / connection) | 429 | other | failures |";
    public const string ColumnsRule = "---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";
    public const string Header = "| | " + Columns;
    public const string Rule = "| --- | " + ColumnsRule;

    public string Row() => $"| {Name} | {Cells()}";

    /// The figures' cells, without the name: "requests | req/s | … |".
    public string Cells() => string.Create(CultureInfo.InvariantCulture,
        $"{Requests} | {PerSecond:0.0} | {P50:0} | {P95:0} | {P99:0} | {Errors} ({Errors5xx} / {Timeouts} / {ConnectionFailures}) | {TooMany} | {Other} | {Details} |");
}
