namespace LocalProducts.Benchmarks.Generation;

/// Small helpers over one seeded System.Random: the generator must give the same rows for the
/// same seed, so every draw goes through the one instance, in a fixed order.
internal static class Draw
{
    public static T One<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static string Digits(this Random random, int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }
        return new string(digits);
    }

    public static DateTime Between(this Random random, DateTime from, DateTime to) =>
        to <= from ? from : from.AddTicks((long)(random.NextDouble() * (to - from).Ticks));

    public static DateOnly Between(this Random random, DateOnly from, DateOnly to) =>
        from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
}

/// Picks items with given weights in O(log n): a running total and a binary search.
internal sealed class WeightedPicker<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public WeightedPicker(IEnumerable<(T Item, double Weight)> weighted)
    {
        var list = weighted.Where(w => w.Weight > 0).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Nothing to pick from.", nameof(weighted));
        }
        _items = [.. list.Select(w => w.Item)];
        _cumulative = new double[list.Count];
        var total = 0d;
        for (var i = 0; i < list.Count; i++)
        {
            total += list[i].Weight;
            _cumulative[i] = total;
        }
    }

    public T Pick(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return _items[Math.Min(index, _items.Length - 1)];
    }
}
