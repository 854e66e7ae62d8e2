using System.Diagnostics;
using System.Globalization;
using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Campaigns.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace LocalProducts.IntegrationTests.Data;

/// The demo sales reports of seeds/demo/sales.json, measured with this test's own SQL of the
/// impact method: per category only IKM reporting in both periods count, monthly reports are
/// spread evenly over their days, change = average daily sales in the campaign / in the baseline − 1.
public sealed class DemoSalesSeedsTests(SiteFixture site, ITestOutputHelper output) : IClassFixture<SiteFixture>
{
    private static readonly DateOnly _campaignStart = new(2020, 4, 1);
    private static readonly DateOnly _campaignEnd = new(2020, 4, 30);
    private static readonly DateOnly _baselineStart = new(2020, 3, 1);
    private static readonly DateOnly _baselineEnd = new(2020, 3, 31);

    [Fact]
    public async Task CoffeeCampaign_ComputesFiguresNearTheMinistrys()
    {
        await using var connection = await OpenAsync();
        var kopi = await CategoryAsync(connection, "kopi");
        var coffeeProducts = await CategoryAsync(connection, "olahan-kopi");
        var control = (await ReportedCategoriesAsync(connection)).Except([kopi, coffeeProducts]).ToArray();

        var coffee = await ChangeAsync(connection, [kopi]);
        var related = await ChangeAsync(connection, [coffeeProducts]);
        var covered = await ChangeAsync(connection, [kopi, coffeeProducts]);
        var controlChange = await ChangeAsync(connection, control);
        var growth = await PreCampaignGrowthAsync(connection, [kopi], 6);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kopi {coffee.Change:P1} (panel {coffee.Panel}), olahan-kopi {related.Change:P1} (panel {related.Panel}), covered {covered.Change:P1}, control {controlChange.Change:P1} (panel {controlChange.Panel}), did {covered.Change - controlChange.Change:P1}"));
        var relatedGrowth = await PreCampaignGrowthAsync(connection, [coffeeProducts], 6);
        var controlGrowth = await PreCampaignGrowthAsync(connection, control, 6);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kopi growth before {growth:P2}/month, olahan-kopi {relatedGrowth:P2}/month, control {controlGrowth:P2}/month"));

        Assert.InRange(coffee.Change, 0.50, 0.64);
        Assert.InRange(related.Change, 0.33, 0.45);
        Assert.InRange(growth, 0.03, 0.07);
        Assert.True(Math.Abs(controlChange.Change) < Math.Abs(coffee.Change), "The control moved more than coffee.");
        Assert.InRange(controlChange.Change, -0.05, 0.05);
        Assert.True(related.Panel >= 6, "At least 6 coffee IKM report coffee-based products.");
    }

    [Fact]
    public async Task CoffeeImpactPage_ComputesTheMinistrysKindOfFigures_FromTheDemoRows()
    {
        // The page's own computation (plan, panel, suppression, control), not this class's SQL.
        using var scope = site.Factory.Services.CreateScope();
        var impact = scope.ServiceProvider.GetRequiredService<ImpactQuery>();

        var view = await impact.RunAsync("satu-dalam-kopi", staff: false, CancellationToken.None);

        var result = view!.Result!;
        var coffee = result.Covered.Categories.Single(c => view.Categories[c.CategoryId].Slug == "kopi");
        var related = result.Covered.Categories.Single(c => view.Categories[c.CategoryId].Slug == "olahan-kopi");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"page: kopi {coffee.Change:P1}, olahan-kopi {related.Change:P1}, covered {result.Covered.Change:P1}, growth before {result.Covered.AverageMonthlyGrowth:P2}/month, control {result.Control.Change:P1} ({result.Control.PanelIkm} IKM), difference {result.DifferencePoints:0.0} points"));
        Assert.InRange(coffee.Change!.Value, 0.50, 0.64);
        Assert.InRange(related.Change!.Value, 0.33, 0.45);
        Assert.InRange(result.Covered.AverageMonthlyGrowth!.Value, 0.03, 0.07);
        Assert.True(result.Control.PanelIkm >= 5, "The control is published.");
        Assert.True(Math.Abs(result.Control.Change!.Value) < coffee.Change.Value / 2, "The control moved less than coffee.");
        Assert.Contains(result.Control.Categories, c => !c.CountsInTotal);
    }

    [Fact]
    public async Task EveryCoveredCell_PassesThePrivacyRule_AndASmallControlCategoryDoesNot()
    {
        await using var connection = await OpenAsync();
        var kopi = await CategoryAsync(connection, "kopi");
        var coffeeProducts = await CategoryAsync(connection, "olahan-kopi");
        var last = DateOnly.Parse(await ScalarAsync<string>(connection, $"SELECT max(period_start)::text FROM sales_reports WHERE period_kind = {(int)SalesPeriodKind.Monthly}"), CultureInfo.InvariantCulture);

        foreach (var category in new[] { kopi, coffeeProducts })
        {
            for (var month = new DateOnly(2019, 7, 1); month <= last; month = month.AddMonths(1))
            {
                var cell = await RevenueAsync(connection, [category], month, month.AddMonths(1).AddDays(-1));
                Assert.True(Publishable(cell.Values), $"Category {category}, {month:yyyy-MM}: {cell.Count} IKM, {TopTwoShare(cell.Values):P0} in the two largest.");
            }
            var (before, during) = await PanelAsync(connection, [category]);
            Assert.True(Publishable(before.Values), $"Category {category}, baseline: panel of {before.Count}, {TopTwoShare(before.Values):P0} in the two largest.");
            Assert.True(Publishable(during.Values), $"Category {category}, campaign: panel of {during.Count}, {TopTwoShare(during.Values):P0} in the two largest.");
        }
        var control = (await ReportedCategoriesAsync(connection)).Except([kopi, coffeeProducts]).ToList();
        var withheld = new List<string>();
        foreach (var category in control)
        {
            var (before, during) = await PanelAsync(connection, [category]);
            if (!Publishable(before.Values) || !Publishable(during.Values))
            {
                withheld.Add(await ScalarAsync<string>(connection, $"SELECT slug FROM categories WHERE id = {category}"));
            }
        }
        output.WriteLine($"Withheld control categories: {string.Join(", ", withheld)}");
        Assert.NotEmpty(withheld);
        var (controlBefore, controlDuring) = await PanelAsync(connection, [.. control]);
        Assert.True(Publishable(ByIkm(controlBefore)) && Publishable(ByIkm(controlDuring)), "The control as a whole is publishable.");

        static IEnumerable<double> ByIkm(Dictionary<(int Ikm, int Category), double> cell) =>
            cell.GroupBy(kv => kv.Key.Ikm).Select(g => g.Sum(kv => kv.Value));
    }

    [Fact]
    public async Task DemoOwner_HasSteadyRecentReports_AndOneHeldForReview()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var batur = await db.Ikms.SingleAsync(i => i.Slug == "batur-sangrai-kintamani");
        var lastMonth = await db.SalesReports.Where(r => r.IkmId == batur.Id).MaxAsync(r => r.PeriodStart);

        var held = await db.SalesReports.Include(r => r.Revisions).SingleAsync(r => r.State == SalesReportState.HeldForReview);
        Assert.Equal(batur.Id, held.IkmId);
        Assert.Equal(lastMonth, held.PeriodStart);
        Assert.Contains("median", held.HoldReason, StringComparison.Ordinal);
        Assert.Single(held.Revisions);
        for (var month = lastMonth.AddMonths(-11); month <= lastMonth; month = month.AddMonths(1))
        {
            Assert.True(await db.SalesReports.CountAsync(r => r.IkmId == batur.Id && r.PeriodStart == month && r.State == SalesReportState.Counted) >= 5,
                $"Batur has few reports for {month:yyyy-MM}.");
        }
        Assert.True(await db.SalesReports.AnyAsync(r => r.PeriodKind == SalesPeriodKind.Daily));
        Assert.True(await db.SalesReports.AnyAsync(r => r.ProductId == null));
        Assert.True(await db.SalesReports.Where(r => r.IkmId == batur.Id).Select(r => r.Channel).Distinct().CountAsync() >= 3, "Batur sells through few channels.");
        Assert.Equal(await db.SalesReports.CountAsync(), await db.SalesReportRevisions.CountAsync());
    }

    [Fact]
    public async Task CoffeeCampaign_HasItsPublishedImpactPlan()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        var campaign = await db.Campaigns.SingleAsync(c => c.Slug == "satu-dalam-kopi");
        var plan = await db.CampaignImpactPlans.SingleAsync(p => p.CampaignId == campaign.Id);
        var covered = await db.Categories.Where(c => plan.CoveredCategoryIds.Contains(c.Id)).Select(c => c.Slug).OrderBy(s => s).ToListAsync();

        Assert.Equal(new[] { "kopi", "olahan-kopi" }, covered);
        Assert.Empty(plan.ControlCategoryIds);
        Assert.Equal((_campaignStart, _campaignEnd, _baselineStart, _baselineEnd), (plan.PeriodStart, plan.PeriodEnd, plan.BaselineStart, plan.BaselineEnd));
        Assert.Equal(6, plan.PreCampaignMonths);
        Assert.True(plan.IsPublished);
        Assert.False(string.IsNullOrWhiteSpace(plan.Note));
    }

    [Fact]
    public async Task DemoSeeds_LoadFast_AndASecondLoadAddsNothing()
    {
        await using var connection = await OpenAsync();
        // The rows up to 2020 do not depend on the seeding day: every load writes the same ones.
        const string Early = "SELECT count(*) * 1000003 + sum(revenue_rupiah) + sum(units) FROM sales_reports WHERE period_start < '2021-01-01'";
        var earlyRows = await ScalarAsync<decimal>(connection, Early);
        // A first load of the generated rows: this class's copy forgets them, the initializer writes them again.
        await ExecuteAsync(connection, "DELETE FROM sales_reports; DELETE FROM campaign_impact_plans; DELETE FROM esmart_participants WHERE source = " + (int)ParticipantSource.Record);
        var clock = Stopwatch.StartNew();
        using (var first = site.Factory.Services.CreateScope())
        {
            await first.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        output.WriteLine($"Start-up step with the sales reports and e-Smart records to write: {clock.Elapsed.TotalSeconds:0.0} s");
        var before = await CountAllAsync(connection);

        var firstLoad = clock.Elapsed;
        for (var i = 0; i < 2; i++)
        {
            clock.Restart();
            using var again = site.Factory.Services.CreateScope();
            await again.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            output.WriteLine($"The same step with nothing to write: {clock.Elapsed.TotalSeconds:0.0} s");
        }

        var daily = await ScalarAsync<long>(connection, $"SELECT count(*) FROM sales_reports WHERE period_kind = {(int)SalesPeriodKind.Daily}");
        output.WriteLine($"Sales reports {before[0]} (daily {daily}), e-Smart participants {before[3]}");
        Assert.Equal(before, await CountAllAsync(connection));
        Assert.Equal(earlyRows, await ScalarAsync<decimal>(connection, Early));
        Assert.True(before[0] > 10_000, $"Only {before[0]} sales reports.");
        Assert.True(firstLoad < TimeSpan.FromSeconds(60), $"The first load took {firstLoad}.");
    }

    private static async Task<long[]> CountAllAsync(NpgsqlConnection connection) =>
    [
        await ScalarAsync<long>(connection, "SELECT count(*) FROM sales_reports"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM sales_report_revisions"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM campaign_impact_plans"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM esmart_participants"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM esmart_cohorts"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM esmart_cohort_modules"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM esmart_applications"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM esmart_module_completions"),
        await ScalarAsync<long>(connection, "SELECT count(*) FROM categories"),
    ];

    /// A cell is published with at least 5 IKM, the two largest making at most 85 % of it.
    private static bool Publishable(IEnumerable<double> revenues)
    {
        var list = revenues.ToList();
        return list.Count >= 5 && TopTwoShare(list) <= 0.85;
    }

    private static double TopTwoShare(IEnumerable<double> revenues)
    {
        var list = revenues.OrderDescending().ToList();
        return list.Sum() == 0 ? 1 : list.Take(2).Sum() / list.Sum();
    }

    private static async Task<(double Change, int Panel)> ChangeAsync(NpgsqlConnection connection, int[] categories)
    {
        var (before, during) = await PanelAsync(connection, categories);
        var baselineDays = _baselineEnd.DayNumber - _baselineStart.DayNumber + 1;
        var campaignDays = _campaignEnd.DayNumber - _campaignStart.DayNumber + 1;
        return ((during.Values.Sum() / campaignDays) / (before.Values.Sum() / baselineDays) - 1, during.Count);
    }

    /// The (IKM, category) pairs that reported in both the baseline and the campaign, with their revenue in each.
    private static async Task<(Dictionary<(int Ikm, int Category), double> Baseline, Dictionary<(int Ikm, int Category), double> Campaign)> PanelAsync(NpgsqlConnection connection, int[] categories)
    {
        var before = await RevenueAsync(connection, categories, _baselineStart, _baselineEnd);
        var during = await RevenueAsync(connection, categories, _campaignStart, _campaignEnd);
        var panel = before.Keys.Intersect(during.Keys).ToHashSet();
        return (before.Where(kv => panel.Contains(kv.Key)).ToDictionary(), during.Where(kv => panel.Contains(kv.Key)).ToDictionary());
    }

    /// Geometric mean of the month-on-month ratios of average daily sales over the months before
    /// the campaign, each pair of months with its own panel.
    private static async Task<double> PreCampaignGrowthAsync(NpgsqlConnection connection, int[] categories, int months)
    {
        var logSum = 0.0;
        for (var k = months; k >= 1; k--)
        {
            var month = _campaignStart.AddMonths(-k);
            var previous = month.AddMonths(-1);
            var a = await RevenueAsync(connection, categories, previous, month.AddDays(-1));
            var b = await RevenueAsync(connection, categories, month, month.AddMonths(1).AddDays(-1));
            var panel = a.Keys.Intersect(b.Keys).ToList();
            var rateA = panel.Sum(key => a[key]) / (month.DayNumber - previous.DayNumber);
            var rateB = panel.Sum(key => b[key]) / (month.AddMonths(1).DayNumber - month.DayNumber);
            logSum += Math.Log(rateB / rateA);
        }
        return Math.Exp(logSum / months) - 1;
    }

    /// Each (IKM, category)'s counted revenue in [start, end]: a report covering days outside it
    /// counts for its days inside, spread evenly.
    private static async Task<Dictionary<(int Ikm, int Category), double>> RevenueAsync(NpgsqlConnection connection, int[] categories, DateOnly start, DateOnly end)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT ikm_id, category_id, sum(revenue_rupiah::float8 * (least(period_end, @end) - greatest(period_start, @start) + 1) / (period_end - period_start + 1))
            FROM (SELECT ikm_id, category_id, period_start, revenue_rupiah,
                         CASE WHEN period_kind = {(int)SalesPeriodKind.Daily} THEN period_start
                              ELSE (period_start + interval '1 month' - interval '1 day')::date END AS period_end
                  FROM sales_reports
                  WHERE state = {(int)SalesReportState.Counted} AND category_id = ANY(@categories)) r
            WHERE period_start <= @end AND period_end >= @start
            GROUP BY ikm_id, category_id
            """, connection);
        command.Parameters.AddWithValue("categories", categories);
        command.Parameters.AddWithValue("start", start);
        command.Parameters.AddWithValue("end", end);
        var revenue = new Dictionary<(int Ikm, int Category), double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            revenue[(reader.GetInt32(0), reader.GetInt32(1))] = reader.GetDouble(2);
        }
        return revenue;
    }

    private static async Task<int[]> ReportedCategoriesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT DISTINCT category_id FROM sales_reports ORDER BY 1", connection);
        var ids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }
        return [.. ids];
    }

    private static Task<int> CategoryAsync(NpgsqlConnection connection, string slug) =>
        ScalarAsync<int>(connection, $"SELECT id FROM categories WHERE slug = '{slug}'");

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(site.Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
