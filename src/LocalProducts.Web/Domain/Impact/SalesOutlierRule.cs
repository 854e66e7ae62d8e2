using System.Globalization;

namespace LocalProducts.Web.Domain.Impact;

/// Holds a report for staff review when it is far outside the IKM's own history: its revenue a
/// day against the same IKM's counted reports of the same product or category, channel and period
/// kind in the 24 months before (the latest 90 at most). Robust, so one earlier odd month does not
/// hide the next: modified z-score 0.6745·(x − median) / MAD above 3.5 (MAD 0: the mean absolute deviation
/// × 1.2533), and the value more than 3 times the median or under a third of it, so a campaign's
/// +57 % is never held. Fewer than 6 earlier reports: nothing to compare with, nothing held.
public static class SalesOutlierRule
{
    public const int MinimumHistory = 6;
    /// Three months of daily reports: enough for a steady median, cheap for a file of daily rows.
    public const int MaximumHistory = 90;
    public const double Threshold = 3.5;
    public const double RatioLimit = 3.0;

    /// The reason to hold (with the figures), or null when the report counts at once.
    public static string? HoldReason(double revenuePerDay, IReadOnlyList<double> historyPerDay)
    {
        if (historyPerDay.Count < MinimumHistory)
        {
            return null;
        }
        var median = Median(historyPerDay);
        var mad = Median(historyPerDay.Select(v => Math.Abs(v - median)).ToList());
        var spread = mad > 0 ? mad : historyPerDay.Average(v => Math.Abs(v - median)) * 1.2533 / 0.6745;
        var farFromMedian = median > 0
            ? revenuePerDay > median * RatioLimit || revenuePerDay < median / RatioLimit
            : revenuePerDay > 0;
        if (!farFromMedian)
        {
            return null;
        }
        var z = spread > 0 ? 0.6745 * (revenuePerDay - median) / spread : double.PositiveInfinity * Math.Sign(revenuePerDay - median);
        if (Math.Abs(z) <= Threshold)
        {
            return null;
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"revenue/day {revenuePerDay:0} vs median {median:0} of {historyPerDay.Count} earlier reports; modified z {(double.IsInfinity(z) ? "∞" : z.ToString("0.0", CultureInfo.InvariantCulture))}");
    }

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
