namespace LocalProducts.Web.Pages.Charts;

/// The value axis: from a round number at or below the lowest value (zero at most) to one at or
/// above the highest (zero at least), in steps of 1, 2, 2,5 or 5 times a power of ten, about five
/// ticks. Zero is always on the axis, so bars and changes are read from it.
public sealed record ChartScale(double Min, double Max, double Step)
{
    public const int TargetTicks = 5;

    public IReadOnlyList<double> Ticks
    {
        get
        {
            var count = (int)Math.Round((Max - Min) / Step);
            return [.. Enumerable.Range(0, count + 1).Select(i => Clean(Min + (i * Step)))];
        }
    }

    /// Where a value falls between the bottom (0) and the top (1) of the axis.
    public double Fraction(double value) => (value - Min) / (Max - Min);

    public static ChartScale For(IEnumerable<double?> values, ChartValueKind kind)
    {
        var present = values.OfType<double>().Where(double.IsFinite).ToList();
        var low = Math.Min(0, present.Count == 0 ? 0 : present.Min());
        var high = Math.Max(0, present.Count == 0 ? 0 : present.Max());
        if (high - low <= 0)
        {
            high = kind switch { ChartValueKind.Rupiah => 1_000, ChartValueKind.Percent => 10, _ => 1 };
        }
        var step = NiceStep((high - low) / (TargetTicks - 1), allowQuarter: kind != ChartValueKind.Count);
        if (kind == ChartValueKind.Count)
        {
            step = Math.Max(1, step);
        }
        var min = Clean(Math.Floor(low / step) * step);
        var max = Clean(Math.Ceiling(high / step) * step);
        return new ChartScale(min, max, step);
    }

    private static double NiceStep(double raw, bool allowQuarter)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction <= 1 ? 1
            : fraction <= 2 ? 2
            : fraction <= 2.5 && (allowQuarter || power >= 10) ? 2.5
            : fraction <= 5 ? 5
            : 10;
        return Clean(nice * power);
    }

    /// Removes floating-point dust (0.30000000000000004 becomes 0.3) and negative zero.
    private static double Clean(double value) => Math.Round(value, 9) + 0.0;
}
