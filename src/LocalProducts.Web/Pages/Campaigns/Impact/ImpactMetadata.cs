using System.Globalization;
using System.Text.Json;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// metadata.json beside the CSV files: where the figures come from, how they are computed, the
/// periods, the suppression rule, the as-of time and what each column means.
public static class ImpactMetadata
{
    private static readonly JsonSerializerOptions _json = new() { WriteIndented = true };

    public static string Write(ImpactView view, string siteAddress)
    {
        var result = view.Result!;
        var setup = result.Setup;
        var metadata = new Dictionary<string, object?>
        {
            ["title"] = $"Campaign impact: {view.Hashtag}",
            ["campaign"] = view.Slug,
            ["page"] = $"{siteAddress}/kampanye/{view.Slug}/dampak",
            ["source"] = "Sales reports (units and revenue in rupiah) that IKM owners submit on Melokal, by form or CSV; only reports that count (not held for staff review, not rejected), the latest version of each.",
            ["as_of"] = Wib.ToWib(view.AsOf).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["as_of_meaning"] = "When the figures were computed from the stored reports (WIB, UTC+7).",
            ["periods"] = new Dictionary<string, object>
            {
                ["baseline"] = new { start = Day(setup.BaselineStart), end = Day(setup.BaselineEnd), days = setup.BaselineDays },
                ["campaign"] = new { start = Day(setup.PeriodStart), end = Day(setup.PeriodEnd), days = setup.PeriodDays },
                ["months"] = setup.Months.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList(),
                ["pre_campaign_months"] = setup.PreCampaignMonths,
            },
            ["categories"] = new
            {
                covered = setup.Covered.Select(id => view.Category(id).Slug).ToList(),
                control = setup.Control.Select(id => view.Category(id).Slug).ToList(),
            },
            ["method"] = new[]
            {
                "Panel: per category, only IKM that reported (any counted report, zero included) in both the baseline and the campaign period count, for every figure of that category.",
                "A monthly report is spread evenly over the days of its month and counts for the days inside a period; a daily report counts on its day.",
                "Average daily sales of a period = panel revenue in the period / days in the period. Change = campaign / baseline - 1, per category and in total over the categories whose cells are published.",
                "Month-on-month growth before the campaign: for each pair of consecutive pre-campaign months, revenue per day of the panel IKM that reported in both months; the average monthly growth is the geometric mean of (1 + growth) minus 1.",
                "Control: the same change in the categories the campaign did not cover, over the same dates. Difference-in-differences = covered change - control change, in percentage points.",
            },
            ["suppression"] = new
            {
                rule = $"A cell (category x period or month) is withheld when fewer than {ImpactSuppression.MinimumIkm} IKM report in it, or when the two largest IKM make more than {ImpactSuppression.DominanceLimit * 100:0} % of its revenue. A period cell is also withheld when a month of the series it overlaps is withheld.",
                totals = "Totals, monthly figures and growth are computed only from categories whose baseline and campaign cells are both published; a month of a group is withheld when any of its categories' months is. So no withheld cell can be recovered by subtracting published figures from a total.",
                reasons = new Dictionary<string, string>
                {
                    ["few_ikm"] = $"fewer than {ImpactSuppression.MinimumIkm} IKM reported",
                    ["concentrated"] = $"the two largest IKM make more than {ImpactSuppression.DominanceLimit * 100:0} % of it",
                    ["overlaps_withheld_month"] = "a month inside the period is withheld",
                },
            },
            ["outlier_hold"] = $"A report far outside the IKM's own history (modified z-score above {SalesOutlierRule.Threshold} and more than {SalesOutlierRule.RatioLimit:0} times or under a third of the median) is held for staff review and counts only once accepted.",
            ["results"] = new
            {
                covered_change_pct = Round(result.Covered.Change * 100),
                control_change_pct = Round(result.Control.Change * 100),
                difference_in_differences_points = Round(result.DifferencePoints),
                covered_panel_ikm = result.Covered.PanelIkm,
                control_panel_ikm = result.Control.PanelIkm,
                covered_average_monthly_growth_pct = Round(result.Covered.AverageMonthlyGrowth * 100),
                control_average_monthly_growth_pct = Round(result.Control.AverageMonthlyGrowth * 100),
            },
            ["files"] = ImpactCharts.Ids.Select(id => new
            {
                path = $"/kampanye/{view.Slug}/dampak/data/{id}.csv",
                columns = ImpactCsv.Columns[id].Select(c => new { name = c.Name, meaning = c.Meaning }).ToList(),
            }).ToList(),
        };
        return JsonSerializer.Serialize(metadata, _json);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}
