namespace LocalProducts.Benchmarks.Soak;

/// Draws ranks 0 … n-1 with probability proportional to 1 / (rank + 1)^exponent: a few items very
/// often, a long tail rarely, as searches and page views are on a real site.
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int n, double exponent = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        _cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += 1.0 / Math.Pow(k + 1, exponent);
            _cumulative[k] = sum;
        }
        for (var k = 0; k < n; k++)
        {
            _cumulative[k] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulative.Length - 1);
    }

    /// A draw from a list ordered from most to least popular.
    public static T Pick<T>(IReadOnlyList<T> items, Zipf zipf, Random random) => items[zipf.Next(random)];
}
