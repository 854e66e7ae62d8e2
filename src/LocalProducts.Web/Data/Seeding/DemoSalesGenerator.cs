using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Data.Seeding;

/// A demo IKM as the generator needs it; products ordered by slug.
internal sealed record DemoSalesIkm(int Id, string Slug, IkmScale Scale, int? FoundedYear, IReadOnlyList<DemoSalesProduct> Products);

internal sealed record DemoSalesProduct(int Id, string Slug, int CategoryId, string CategorySlug, long PriceMin, long? PriceMax, Marketplace? Marketplace);

/// Invents the demo IKM's sales reports from seeds/demo/sales.json. Each IKM's rate follows its
/// category's trend, season, the pandemic's first months and the #SatuDalamKopi lift, with noise
/// from a generator seeded by the spec's seed and the IKM's place in slug order: the same spec and
/// the same seeding day give the same rows. Reports run from the spec's first month (or the year
/// after the IKM was founded) to the last full month before today.
internal sealed class DemoSalesGenerator(SalesSpecSeed spec, IReadOnlyDictionary<string, int> categoryIds, DateOnly todayWib)
{
    private const long RoundTo = 500;

    private readonly DateOnly _from = Month(spec.From);
    private readonly DateOnly _reference = Month(spec.ReferenceMonth);
    private readonly DateOnly _lastMonth = new DateOnly(todayWib.Year, todayWib.Month, 1).AddMonths(-1);
    private readonly Dictionary<(string Category, DateOnly Month), double> _factors = [];

    public DateOnly LastMonth => _lastMonth;

    public static DateOnly Month(string yearMonth) =>
        DateOnly.ParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public List<SalesReport> Generate(IReadOnlyList<DemoSalesIkm> ikms)
    {
        var reports = new List<SalesReport>();
        var ordered = ikms.OrderBy(i => i.Slug, StringComparer.Ordinal).ToList();
        for (var index = 0; index < ordered.Count; index++)
        {
            Generate(ordered[index], index, reports);
        }
        return reports;
    }

    private void Generate(DemoSalesIkm ikm, int index, List<SalesReport> reports)
    {
        var random = new Random(spec.Seed + (index * 7_919));
        var range = spec.IkmLevelRange;
        var level = spec.Levels[ikm.Scale.ToString().ToLowerInvariant()] * (range[0] + (random.NextDouble() * (range[1] - range[0])));
        var liftFactor = 1 + (((random.NextDouble() * 2) - 1) * spec.Campaign.LiftSpread);
        var start = ikm.FoundedYear is { } founded && founded >= _from.Year ? Max(_from, new DateOnly(founded + 1, 1, 1)) : _from;
        var daily = DailyMonths(ikm.Slug);
        var series = Series(ikm, random);
        for (var s = 0; s < series.Count; s++)
        {
            var one = series[s];
            var seriesRandom = new Random(spec.Seed + (index * 7_919) + ((s + 1) * 104_729));
            var channelNoise = new[] { Noise(seriesRandom, spec.Channels.Spread), Noise(seriesRandom, spec.Channels.Spread), Noise(seriesRandom, spec.Channels.Spread) };
            for (var month = start; month <= _lastMonth; month = month.AddMonths(1))
            {
                var ratePerDay = level * one.Share / _reference.AddMonths(1).AddDays(-1).Day
                    * Factor(one.CategorySlug, month) * (1 + (Lift(one.CategorySlug, month) * liftFactor));
                var channels = Channels(month, one.Marketplace, channelNoise);
                if (daily.Contains(month))
                {
                    AddDays(ikm, one, month, ratePerDay, channels, seriesRandom, reports);
                }
                else
                {
                    AddMonth(ikm, one, month, ratePerDay * Noise(seriesRandom, spec.MonthNoise), channels, seriesRandom, reports);
                }
            }
        }
        if (ikm.Slug == spec.HeldForReview.Ikm)
        {
            HoldOne(ikm, reports);
        }
    }

    private sealed record SeriesSpec(int? ProductId, int CategoryId, string CategorySlug, double Share, long Price, Marketplace? Marketplace);

    /// What the IKM reports on: each product, or each category when it reports by category; and the
    /// coffee-based products as one category for the roasters that sell them.
    private List<SeriesSpec> Series(DemoSalesIkm ikm, Random random)
    {
        var series = new List<SeriesSpec>();
        if (spec.CategoryLevel.Contains(ikm.Slug))
        {
            var total = ikm.Products.Count;
            foreach (var category in ikm.Products.GroupBy(p => p.CategorySlug).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                series.Add(new SeriesSpec(null, category.First().CategoryId, category.Key, (double)category.Count() / total,
                    (long)category.Average(Price), category.Select(p => p.Marketplace).FirstOrDefault(m => m is not null)));
            }
        }
        else
        {
            var weights = ikm.Products.Select(_ => 0.5 + random.NextDouble()).ToList();
            var sum = weights.Sum();
            series.AddRange(ikm.Products.Select((p, i) => new SeriesSpec(p.Id, p.CategoryId, p.CategorySlug, weights[i] / sum, Price(p), p.Marketplace)));
        }
        var coffee = spec.CoffeeProducts;
        if (coffee.Ikm.Contains(ikm.Slug))
        {
            series.Add(new SeriesSpec(null, categoryIds[coffee.Category], coffee.Category, coffee.Share, coffee.Price,
                ikm.Products.Select(p => p.Marketplace).FirstOrDefault(m => m is not null)));
        }
        return series;
    }

    private static long Price(DemoSalesProduct product) => product.PriceMax is { } max ? (product.PriceMin + max) / 2 : product.PriceMin;

    private HashSet<DateOnly> DailyMonths(string slug)
    {
        var months = new HashSet<DateOnly>();
        foreach (var daily in spec.Daily.Where(d => d.Ikm == slug))
        {
            var from = daily.LastMonths is { } last ? _lastMonth.AddMonths(1 - last) : Month(daily.From!);
            var to = daily.LastMonths is null ? Month(daily.To!) : _lastMonth;
            for (var month = from; month <= to; month = month.AddMonths(1))
            {
                months.Add(month);
            }
        }
        return months;
    }

    private void AddMonth(DemoSalesIkm ikm, SeriesSpec one, DateOnly month, double ratePerDay, double[] channels, Random random, List<SalesReport> reports)
    {
        var days = month.AddMonths(1).AddDays(-1).Day;
        var reportedOn = month.AddMonths(1).AddDays(1 + random.Next(0, 9));
        for (var c = 0; c < channels.Length; c++)
        {
            if (channels[c] <= 0)
            {
                continue;
            }
            var revenue = (long)Math.Round(ratePerDay * days * channels[c] / RoundTo) * RoundTo;
            var units = revenue > 0 ? (int)Math.Max(1, Math.Round((double)revenue / one.Price)) : 0;
            reports.Add(SalesReport.Create(ikm.Id, one.ProductId, one.CategoryId, Channel(c, one.Marketplace), SalesPeriodKind.Monthly, month,
                units, revenue, null, At(reportedOn, 10), null));
        }
    }

    /// A month reported day by day: whole units at the series' price, so most days of a small
    /// IKM's product sell nothing or one or two.
    private void AddDays(DemoSalesIkm ikm, SeriesSpec one, DateOnly month, double ratePerDay, double[] channels, Random random, List<SalesReport> reports)
    {
        var weekdayMean = spec.Weekdays.Average();
        for (var day = month; day < month.AddMonths(1); day = day.AddDays(1))
        {
            var revenue = ratePerDay * spec.Weekdays[(int)day.DayOfWeek] / weekdayMean * Noise(random, spec.DailyNoise);
            for (var c = 0; c < channels.Length; c++)
            {
                if (channels[c] <= 0)
                {
                    continue;
                }
                // Rounded up or down at random in proportion, so the month keeps its expected total.
                var expected = revenue * channels[c] / one.Price;
                var units = (int)Math.Floor(expected + random.NextDouble());
                reports.Add(SalesReport.Create(ikm.Id, one.ProductId, one.CategoryId, Channel(c, one.Marketplace), SalesPeriodKind.Daily, day,
                    units, units * one.Price, null, At(day, 20), null));
            }
        }
    }

    /// The owner's last month on one product and channel, typed with extra digits: far outside its
    /// history, so the outlier rule holds it for staff.
    private void HoldOne(DemoSalesIkm ikm, List<SalesReport> reports)
    {
        var held = spec.HeldForReview;
        var product = ikm.Products.Single(p => p.Slug == held.Product);
        var channel = Enum.Parse<SalesChannel>(held.Channel, ignoreCase: true);
        var series = reports.Where(r => r.IkmId == ikm.Id && r.ProductId == product.Id && r.Channel == channel && r.PeriodKind == SalesPeriodKind.Monthly)
            .OrderBy(r => r.PeriodStart).ToList();
        var last = series[^1];
        var history = series.Where(r => r.PeriodStart < last.PeriodStart && r.PeriodStart >= last.PeriodStart.AddMonths(-24)).Select(r => r.RevenuePerDay).ToList();
        var revenue = (long)Math.Round(last.RevenueRupiah * held.Factor / RoundTo) * RoundTo;
        var units = (int)Math.Round(last.Units * held.Factor);
        var reason = SalesOutlierRule.HoldReason((double)revenue / last.Days, history)
            ?? throw new InvalidDataException($"The demo report held for review ({held.Product}, {held.Channel}) is not far enough outside its history: raise its factor.");
        reports[reports.IndexOf(last)] = SalesReport.Create(ikm.Id, product.Id, product.CategoryId, channel, SalesPeriodKind.Monthly, last.PeriodStart,
            units, revenue, reason, last.ReportedAt, null);
    }

    /// Offline, WhatsApp and the series' marketplace, drifting from the spec's start shares to its
    /// end shares; a series with no marketplace sells its marketplace share by WhatsApp.
    private double[] Channels(DateOnly month, Marketplace? marketplace, double[] noise)
    {
        var mix = spec.Channels;
        var start = Month(mix.StartMonth);
        var end = Month(mix.EndMonth);
        var t = Math.Clamp((double)MonthsBetween(start, month) / MonthsBetween(start, end), 0, 1);
        var shares = new[]
        {
            (mix.Start.Offline + ((mix.End.Offline - mix.Start.Offline) * t)) * noise[0],
            (mix.Start.WhatsApp + ((mix.End.WhatsApp - mix.Start.WhatsApp) * t)) * noise[1],
            (mix.Start.Marketplace + ((mix.End.Marketplace - mix.Start.Marketplace) * t)) * noise[2],
        };
        if (marketplace is null)
        {
            shares[1] += shares[2];
            shares[2] = 0;
        }
        var sum = shares.Sum();
        return [.. shares.Select(s => s / sum)];
    }

    private static SalesChannel Channel(int index, Marketplace? marketplace) => index switch
    {
        0 => SalesChannel.Offline,
        1 => SalesChannel.WhatsApp,
        // The marketplaces share their numbers with SalesChannel.
        _ => (SalesChannel)(int)marketplace!.Value,
    };

    /// The category's daily rate in a month against the reference month: trend, season and the
    /// pandemic's first months.
    private double Factor(string category, DateOnly month)
    {
        if (_factors.TryGetValue((category, month), out var cached))
        {
            return cached;
        }
        var trend = 1.0;
        for (var m = _reference.AddMonths(1); m <= month; m = m.AddMonths(1))
        {
            trend *= 1 + Growth(category, m);
        }
        for (var m = _reference; m > month; m = m.AddMonths(-1))
        {
            trend /= 1 + Growth(category, m);
        }
        var season = Lookup(spec.Seasonality, category);
        var factor = trend * season[month.Month - 1] / season[_reference.Month - 1] * (1 + (Lookup(spec.Pandemic.Change, category) * PandemicWeight(month)));
        _factors[(category, month)] = factor;
        return factor;
    }

    /// The growth from the month before to this month.
    private double Growth(string category, DateOnly month) =>
        Lookup(spec.Growth, category).Where(g => Month(g.From) <= month).OrderBy(g => g.From, StringComparer.Ordinal).LastOrDefault()?.PerMonth ?? 0;

    /// Full in the pandemic's first month, fading to nothing by the month it recovered.
    private double PandemicWeight(DateOnly month)
    {
        var first = Month(spec.Pandemic.Month);
        var recovered = Month(spec.Pandemic.RecoveredBy);
        return month < first || month >= recovered ? 0 : 1 - ((double)MonthsBetween(first, month) / MonthsBetween(first, recovered));
    }

    private double Lift(string category, DateOnly month)
    {
        if (!spec.Campaign.Lift.TryGetValue(category, out var lift))
        {
            return 0;
        }
        var after = MonthsBetween(Month(spec.Campaign.Month), month);
        return after == 0 ? lift
            : after > 0 && after <= spec.Campaign.After.Count ? lift * spec.Campaign.After[after - 1]
            : 0;
    }

    private static T Lookup<T>(IReadOnlyDictionary<string, T> byCategory, string category) =>
        byCategory.TryGetValue(category, out var value) ? value : byCategory["default"];

    private static double Noise(Random random, double spread) => 1 + (((random.NextDouble() * 2) - 1) * spread);

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private DateTimeOffset At(DateOnly day, int hourWib)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hourWib, 0)), Wib.Offset).ToUniversalTime();
        var latest = new DateTimeOffset(todayWib.ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        return at < latest ? at : latest;
    }
}
