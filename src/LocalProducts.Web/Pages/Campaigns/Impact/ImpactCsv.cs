using System.Globalization;
using CsvHelper;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// Each chart's aggregated numbers as CSV (UTF-8 with a byte-order mark, decimal dot, one row per
/// cell). A withheld cell has empty figures and its reason code; no file holds a withheld value.
/// Numbers are written as they are (a negative change starts with "-"); the only text cells,
/// category slugs and names, are guarded against spreadsheet formulas by hand.
/// The columns are described in the metadata file (<see cref="ImpactMetadata"/>).
public static class ImpactCsv
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Name, string Meaning)>> Columns = new Dictionary<string, IReadOnlyList<(string, string)>>
    {
        [ImpactCharts.MonthlySales] =
        [
            ("month", "Calendar month, yyyy-MM."),
            ("group", "covered: the categories the campaign covers; control: the categories it did not cover."),
            ("reporting_ikm", "Panel IKM (reported in both the baseline and the campaign period) that reported in the month."),
            ("revenue_per_day_rupiah", "Panel revenue in the month divided by the month's days, whole rupiah."),
            ("units_per_day", "Panel units sold in the month divided by the month's days."),
            ("withheld_reason", "Empty when published; few_ikm, concentrated or overlaps_withheld_month when withheld (figures empty)."),
        ],
        [ImpactCharts.CategoryChange] =
        [
            ("category", "Category slug, or total for the group's total."),
            ("category_name", "Category name (Indonesian)."),
            ("group", "covered or control."),
            ("panel_ikm", "IKM that reported in both the baseline and the campaign period (counted in every figure of the row)."),
            ("baseline_revenue_per_day_rupiah", "Panel revenue in the baseline period divided by its days."),
            ("campaign_revenue_per_day_rupiah", "Panel revenue in the campaign period divided by its days."),
            ("change_pct", "campaign / baseline - 1, in percent."),
            ("counts_in_total", "true when both period cells are published, so the category is in its group's total."),
            ("baseline_withheld_reason", "Why the baseline cell is withheld, if it is."),
            ("campaign_withheld_reason", "Why the campaign cell is withheld, if it is."),
        ],
        [ImpactCharts.MonthlyGrowth] =
        [
            ("from_month", "First month of the pair, yyyy-MM (average: the first month of the series)."),
            ("to_month", "Second month of the pair, yyyy-MM (average: the last pre-campaign month)."),
            ("group", "covered or control."),
            ("ikm", "Panel IKM that reported in both months of the pair."),
            ("growth_pct", "Revenue per day in the second month / in the first - 1, in percent; the average row is the geometric mean of (1 + growth) - 1."),
            ("withheld_reason", "Why the pair is withheld, if it is."),
        ],
    };

    public static string FileName(ImpactView view, string chart) => $"dampak-{view.Slug}-{chart}.csv";

    /// Null for an unknown chart.
    public static async Task<byte[]?> WriteAsync(ImpactView view, string chart)
    {
        if (!Columns.TryGetValue(chart, out var columns))
        {
            return null;
        }
        var result = view.Result!;
        using var output = new MemoryStream();
        await using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.None, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader([.. columns.Select(c => c.Name)]);
            foreach (var row in Rows(view, result, chart))
            {
                csv.WriteRecord(row);
            }
        }
        return output.ToArray();
    }

    private static IEnumerable<string[]> Rows(ImpactView view, ImpactResult result, string chart)
    {
        var groups = new[] { ("covered", result.Covered), ("control", result.Control) };
        switch (chart)
        {
            case ImpactCharts.MonthlySales:
                for (var i = 0; i < result.Setup.Months.Count; i++)
                {
                    foreach (var (name, group) in groups)
                    {
                        var cell = group.Months[i];
                        yield return [Month(result.Setup.Months[i]), name, Whole(cell.Ikm), Number(cell.RevenuePerDay, 0), Number(cell.UnitsPerDay, 2), ImpactFormat.ReasonCode(cell.Withheld)];
                    }
                }
                break;
            case ImpactCharts.CategoryChange:
                foreach (var (name, group) in groups)
                {
                    foreach (var c in group.Categories)
                    {
                        var category = view.Category(c.CategoryId);
                        yield return [Text(category.Slug), Text(category.Name), name, Whole(c.PanelIkm), Number(c.Baseline.RevenuePerDay, 0), Number(c.During.RevenuePerDay, 0),
                            Number(c.Change * 100, 2), c.CountsInTotal ? "true" : "false", ImpactFormat.ReasonCode(c.Baseline.Withheld), ImpactFormat.ReasonCode(c.During.Withheld)];
                    }
                    var none = group.Change is null ? ImpactFormat.ReasonCode(WithheldReason.FewIkm) : "";
                    yield return ["total", "Total", name, group.PanelIkm.ToString(CultureInfo.InvariantCulture), Number(group.BaselinePerDay, 0), Number(group.DuringPerDay, 0),
                        Number(group.Change * 100, 2), "", none, none];
                }
                break;
            default:
                foreach (var (name, group) in groups)
                {
                    foreach (var g in group.Growth)
                    {
                        yield return [Month(g.From), Month(g.To), name, Whole(g.Ikm), Number(g.Growth * 100, 2), ImpactFormat.ReasonCode(g.Withheld)];
                    }
                    var pre = result.Setup.Months.Take(result.Setup.PreCampaignMonths).ToList();
                    yield return [Month(pre[0]), Month(pre[^1]), $"{name}_average", "", Number(group.AverageMonthlyGrowth * 100, 2),
                        group.AverageMonthlyGrowth is null ? ImpactFormat.ReasonCode(WithheldReason.FewIkm) : ""];
                }
                break;
        }
    }

    /// A cell a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe.
    private static string Text(string value) => value.Length > 0 && "=+-@\t\r".Contains(value[0]) ? "'" + value : value;

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Whole(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString(decimals == 0 ? "0" : "0." + new string('#', decimals), CultureInfo.InvariantCulture) : "";
}
