using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Charts;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// The impact page's charts, built from the computed figures (withheld cells are null values, with
/// their reasons in the note). Percent values are in percent (57.0 is +57 %).
public static class ImpactCharts
{
    public const string MonthlySales = "penjualan-bulanan";
    public const string CategoryChange = "perubahan-kategori";
    public const string MonthlyGrowth = "pertumbuhan-bulanan";

    public static readonly IReadOnlyList<string> Ids = [MonthlySales, CategoryChange, MonthlyGrowth];

    public static IReadOnlyList<Chart> Build(ImpactView view, IStringLocalizer text, bool english)
    {
        var result = view.Result!;
        var path = $"/kampanye/{view.Slug}/dampak/data/";
        return [Monthly(result, text, path), Categories(view, result, text, english, path), Growth(result, text, path)];
    }

    private static Chart Monthly(ImpactResult result, IStringLocalizer text, string path)
    {
        var months = result.Setup.Months;
        var covered = result.Covered.Months.Select(c => Whole(c.RevenuePerDay)).ToList();
        var control = result.Control.Months.Select(c => Whole(c.RevenuePerDay)).ToList();
        var summary = text["Rata-rata penjualan harian per bulan dari {0} sampai {1}: kategori kampanye dibanding kategori pembanding. Kampanye mulai {2}.",
            ImpactFormat.Month(months[0]), ImpactFormat.Month(months[^1]), SiteText.Date(result.Setup.PeriodStart)].Value;
        return new Chart(MonthlySales, text["Penjualan harian rata-rata per bulan"], summary, ChartShape.Line, ChartValueKind.Rupiah,
            [.. months.Select(ImpactFormat.Month)],
            [new ChartSeries(text["Kategori kampanye"], covered), new ChartSeries(text["Kategori pembanding"], control, IsControl: true)])
        {
            WithheldNote = Note(text,
                result.Covered.Months.Select((c, i) => (Label: $"{ImpactFormat.Month(months[i])} ({text["Kategori kampanye"]})", c.Withheld))
                    .Concat(result.Control.Months.Select((c, i) => (Label: $"{ImpactFormat.Month(months[i])} ({text["Kategori pembanding"]})", c.Withheld)))),
            DownloadPath = $"{path}{MonthlySales}.csv",
        };
    }

    private static Chart Categories(ImpactView view, ImpactResult result, IStringLocalizer text, bool english, string path)
    {
        var rows = result.Covered.Categories.Select(c => (Label: view.Category(c.CategoryId).LocalName(english), c.Change, Reason: c.Baseline.Withheld ?? c.During.Withheld))
            .Append((Label: text["Total kategori kampanye"].Value, result.Covered.Change, Reason: result.Covered.Change is null ? WithheldReason.FewIkm : (WithheldReason?)null))
            .Concat(result.Control.Categories.Select(c => (Label: $"{view.Category(c.CategoryId).LocalName(english)} ({text["pembanding"]})", c.Change, Reason: c.Baseline.Withheld ?? c.During.Withheld)))
            .Append((Label: text["Total kategori pembanding"].Value, result.Control.Change, Reason: result.Control.Change is null ? WithheldReason.FewIkm : (WithheldReason?)null))
            .ToList();
        var summary = result.Covered.Change is { } change
            ? text["Perubahan rata-rata penjualan harian dari periode dasar ke periode kampanye per kategori. Total kategori kampanye {0}.", ImpactFormat.Percent(change)].Value
            : text["Perubahan rata-rata penjualan harian dari periode dasar ke periode kampanye per kategori."].Value;
        return new Chart(CategoryChange, text["Perubahan penjualan per kategori"], summary, ChartShape.Bar, ChartValueKind.Percent,
            [.. rows.Select(r => r.Label)],
            [new ChartSeries(text["Perubahan rata-rata penjualan harian"], [.. rows.Select(r => Points(r.Change))])])
        {
            WithheldNote = Note(text, rows.Select(r => (r.Label, r.Change is null ? r.Reason : null))),
            DownloadPath = $"{path}{CategoryChange}.csv",
        };
    }

    private static Chart Growth(ImpactResult result, IStringLocalizer text, string path)
    {
        var pairs = result.Covered.Growth;
        var labels = pairs.Select(g => $"{ImpactFormat.Month(g.From)} → {ImpactFormat.Month(g.To)}").ToList();
        var summary = result.Covered.AverageMonthlyGrowth is { } average
            ? text["Pertumbuhan dari bulan ke bulan sebelum kampanye. Rata-rata kategori kampanye {0} sebulan.", ImpactFormat.Percent(average, 1)].Value
            : text["Pertumbuhan dari bulan ke bulan sebelum kampanye."].Value;
        return new Chart(MonthlyGrowth, text["Pertumbuhan bulanan sebelum kampanye"], summary, ChartShape.Bar, ChartValueKind.Percent, labels,
            [
                new ChartSeries(text["Kategori kampanye"], [.. pairs.Select(g => Points(g.Growth))]),
                new ChartSeries(text["Kategori pembanding"], [.. result.Control.Growth.Select(g => Points(g.Growth))], IsControl: true),
            ])
        {
            WithheldNote = Note(text,
                pairs.Select((g, i) => ($"{labels[i]} ({text["Kategori kampanye"]})", g.Withheld))
                    .Concat(result.Control.Growth.Select((g, i) => ($"{labels[i]} ({text["Kategori pembanding"]})", g.Withheld)))),
            DownloadPath = $"{path}{MonthlyGrowth}.csv",
        };
    }

    private static double? Whole(double? rupiah) => rupiah is { } v ? Math.Round(v, MidpointRounding.AwayFromZero) : null;

    /// A fraction as percent with one decimal: 0.5712 → 57.1.
    private static double? Points(double? fraction) => fraction is { } v ? Math.Round(v * 100, 1, MidpointRounding.AwayFromZero) : null;

    private static string? Note(IStringLocalizer text, IEnumerable<(string Label, WithheldReason? Reason)> cells)
    {
        var withheld = cells.Where(c => c.Reason is not null).Select(c => $"{c.Label}: {ImpactFormat.Reason(text, c.Reason!.Value)}").ToList();
        return withheld.Count == 0 ? null : $"{text["Disembunyikan"]}: {string.Join("; ", withheld)}.";
    }
}
