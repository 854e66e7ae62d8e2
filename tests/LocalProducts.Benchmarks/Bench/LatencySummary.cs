namespace LocalProducts.Benchmarks.Bench;

/// Latencies of one run in milliseconds: nearest-rank percentiles over the successful requests.
internal sealed record LatencySummary(int Count, int Errors, double Median, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary From(IReadOnlyCollection<double> milliseconds, int errors)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencySummary(0, errors, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, errors, Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted[^1], sorted.Average());
    }

    /// The smallest value with at least p % of the values at or below it.
    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
