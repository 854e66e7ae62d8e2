using System.Net;
using System.Text.Json;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Campaigns.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Campaigns.Impact;

/// /kampanye/{slug}/dampak, its CSV files and metadata.json, on the worked example of
/// docs/impact.md: baseline January 2019, campaign March 2019, two pre-campaign months. Each test
/// makes its own campaign and categories, in dates no seed reports in.
public sealed class ImpactPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly DateOnly _january = new(2019, 1, 1);
    private static readonly DateOnly _february = new(2019, 2, 1);
    private static readonly DateOnly _march = new(2019, 3, 1);

    // The withheld categories' report values and what their cells would show per day.
    private static readonly string[] _withheldFigures =
    [
        "77777", "77.777", "99999", "99.999", "311108", "311.108", "10036", "10.036", "12903", "12.903",
        "500000", "500.000", "900000", "900.000", "32355", "32.355", "58161", "58.161", "1003000", "1.003.000",
    ];

    private sealed record Example(string Slug, int CampaignId, int Coffee, int Small, int Dominated, int Control, int[] Ikms);

    [Fact]
    public async Task Get_Impact_WorkedExample_PageAndCsvShowTheFigures()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{example.Slug}/dampak");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        var text = page.Body!.TextContent;
        Assert.Contains("+57 %", text, StringComparison.Ordinal);
        Assert.Contains("dihitung dari 5 IKM yang melapor di kedua periode", text, StringComparison.Ordinal);
        Assert.Contains("Rp 5.000 → Rp 7.850", text, StringComparison.Ordinal);
        Assert.Contains("-6 %", text, StringComparison.Ordinal);
        Assert.Contains("Kategori lain turun 6 % pada tanggal yang sama", text, StringComparison.Ordinal);
        Assert.Contains("sekitar 63 poin persen", text, StringComparison.Ordinal);
        Assert.Contains("+5,0 % sebulan", text, StringComparison.Ordinal);
        Assert.Contains("Catatan uji dampak", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/kampanye/{example.Slug}/dampak/metadata.json']"));
        foreach (var chart in ImpactCharts.Ids)
        {
            Assert.NotNull(page.QuerySelector($"a[href='/kampanye/{example.Slug}/dampak/data/{chart}.csv']"));
        }

        var categories = await CsvAsync(client, example.Slug, ImpactCharts.CategoryChange);
        var coffee = categories.Single(r => r["category"] == $"kopi-uji-{example.Coffee}");
        Assert.Equal("5", coffee["panel_ikm"]);
        Assert.Equal("5000", coffee["baseline_revenue_per_day_rupiah"]);
        Assert.Equal("7850", coffee["campaign_revenue_per_day_rupiah"]);
        Assert.Equal("57", coffee["change_pct"]);
        Assert.Equal("57", categories.Single(r => r["category"] == "total" && r["group"] == "covered")["change_pct"]);
        Assert.Equal("-6", categories.Single(r => r["category"] == "total" && r["group"] == "control")["change_pct"]);
        var months = await CsvAsync(client, example.Slug, ImpactCharts.MonthlySales);
        var february = months.Single(r => r["month"] == "2019-02" && r["group"] == "covered");
        Assert.Equal("5250", february["revenue_per_day_rupiah"]);
        var growth = await CsvAsync(client, example.Slug, ImpactCharts.MonthlyGrowth);
        Assert.Equal("5", growth.Single(r => r["group"] == "covered")["growth_pct"]);
    }

    [Fact]
    public async Task Get_Impact_InEnglish_SaysTheSameFiguresInEnglish()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var text = (await SiteFixture.ParseAsync(await client.GetAsync($"/kampanye/{example.Slug}/dampak"))).Body!.TextContent;

        Assert.Contains("+57%", text, StringComparison.Ordinal);
        Assert.Contains("computed from 5 IKM that reported in both periods", text, StringComparison.Ordinal);
        Assert.Contains("Other categories fell 6% over the same dates", text, StringComparison.Ordinal);
        Assert.Contains("about 63 percentage points", text, StringComparison.Ordinal);
        Assert.Contains("fewer than 5 IKM reported", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Impact_IkmMissingFromTheBaseline_IsNotCounted()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();

        var categories = await CsvAsync(client, example.Slug, ImpactCharts.CategoryChange);

        // The sixth IKM sold Rp 3.100.000 in March only: with it the campaign would be Rp 107.850 a day.
        var coffee = categories.Single(r => r["category"] == $"kopi-uji-{example.Coffee}");
        Assert.Equal("5", coffee["panel_ikm"]);
        Assert.Equal("7850", coffee["campaign_revenue_per_day_rupiah"]);
    }

    [Fact]
    public async Task Get_Impact_WithheldCells_AppearNowhere_AndTotalsLeaveThemOut()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();

        var html = await client.GetStringAsync($"/kampanye/{example.Slug}/dampak");
        var bodies = new List<string> { html, await client.GetStringAsync($"/kampanye/{example.Slug}/dampak/metadata.json") };
        foreach (var chart in ImpactCharts.Ids)
        {
            bodies.Add(await client.GetStringAsync($"/kampanye/{example.Slug}/dampak/data/{chart}.csv"));
        }

        foreach (var body in bodies)
        {
            var digits = body.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            foreach (var figure in _withheldFigures)
            {
                Assert.DoesNotContain(figure, body, StringComparison.Ordinal);
                Assert.DoesNotContain(figure.Replace(".", "", StringComparison.Ordinal), digits, StringComparison.Ordinal);
            }
        }
        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/kampanye/{example.Slug}/dampak"));
        var text = page.Body!.TextContent;
        Assert.Contains("kurang dari 5 IKM melapor", text, StringComparison.Ordinal);
        Assert.Contains("dua IKM terbesar membuat lebih dari 85 % penjualannya", text, StringComparison.Ordinal);

        var categories = await CsvAsync(client, example.Slug, ImpactCharts.CategoryChange);
        var small = categories.Single(r => r["category"] == $"kopi-kecil-{example.Small}");
        Assert.Equal("few_ikm", small["baseline_withheld_reason"]);
        Assert.Equal("", small["baseline_revenue_per_day_rupiah"]);
        Assert.Equal("false", small["counts_in_total"]);
        var dominated = categories.Single(r => r["category"] == $"kopi-besar-{example.Dominated}");
        Assert.Equal("concentrated", dominated["campaign_withheld_reason"]);
        Assert.Equal("", dominated["campaign_revenue_per_day_rupiah"]);
        // The total is the coffee category's alone: the total minus the published parts is zero.
        var total = categories.Single(r => r["category"] == "total" && r["group"] == "covered");
        Assert.Equal("5000", total["baseline_revenue_per_day_rupiah"]);
        Assert.Equal("5", total["panel_ikm"]);

        using var metadata = JsonDocument.Parse(bodies[1]);
        Assert.Contains("fewer than 5 IKM", metadata.RootElement.GetProperty("suppression").GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(57, metadata.RootElement.GetProperty("results").GetProperty("covered_change_pct").GetDouble());
    }

    [Fact]
    public async Task Get_Impact_NoPlan_SaysSo()
    {
        var (slug, _) = await CreateCampaignAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{slug}/dampak");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dampak kampanye ini belum dihitung", (await SiteFixture.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kampanye/{slug}/dampak/metadata.json")).StatusCode);
    }

    [Fact]
    public async Task Get_Impact_Unpublished_HidesFiguresFromTheReader_ShowsThemToStaff()
    {
        var example = await CreateExampleAsync(publish: false);
        using var reader = site.CreateClient();

        var response = await reader.GetAsync($"/kampanye/{example.Slug}/dampak");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await SiteFixture.ParseAsync(response)).Body!.TextContent;
        Assert.Contains("belum diterbitkan", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+57 %", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/kampanye/{example.Slug}/dampak/data/{ImpactCharts.CategoryChange}.csv")).StatusCode);
        var detail = await SiteFixture.ParseAsync(await reader.GetAsync($"/kampanye/{example.Slug}"));
        Assert.Null(detail.QuerySelector($"a[href='/kampanye/{example.Slug}/dampak']"));

        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var preview = (await SiteFixture.ParseAsync(await staff.GetAsync($"/kampanye/{example.Slug}/dampak"))).Body!.TextContent;
        Assert.Contains("Pratinjau staf", preview, StringComparison.Ordinal);
        Assert.Contains("+57 %", preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Impact_NoReports_SaysSo()
    {
        var (slug, campaignId) = await CreateCampaignAsync();
        var coffee = await CreateCategoryAsync("kopi-kosong");
        var control = await CreateCategoryAsync("teh-kosong");
        await SaveAsync(db => db.CampaignImpactPlans.Add(Plan(campaignId, [coffee], [control], publish: true)));
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{slug}/dampak");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Belum ada laporan penjualan pada tanggal kampanye ini", (await SiteFixture.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Impact_UnknownCampaign_IsNotFound()
    {
        using var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kampanye/tidak-ada-kampanye-ini/dampak")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kampanye/tidak-ada-kampanye-ini/dampak/data/penjualan-bulanan.csv")).StatusCode);
    }

    [Fact]
    public async Task Get_Impact_OldCampaignSlug_RedirectsToTheCurrentOne()
    {
        var example = await CreateExampleAsync(publish: true);
        var old = $"lama-{Guid.NewGuid():N}"[..16];
        await SaveAsync(db => db.CampaignSlugRedirects.Add(new CampaignSlugRedirect { Slug = old, CampaignId = example.CampaignId, RetiredAt = DateTimeOffset.UtcNow }));
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{old}/dampak");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/kampanye/{example.Slug}/dampak", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_CampaignPage_LinksToThePublishedImpact()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();

        var detail = await SiteFixture.ParseAsync(await client.GetAsync($"/kampanye/{example.Slug}"));

        Assert.NotNull(detail.QuerySelector($"a[href='/kampanye/{example.Slug}/dampak']"));
    }

    [Fact]
    public async Task Get_Impact_QueryParameters_ChangeNothing()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();

        var plain = await CsvAsync(client, example.Slug, ImpactCharts.CategoryChange);
        var tampered = await client.GetStringAsync($"/kampanye/{example.Slug}/dampak/data/{ImpactCharts.CategoryChange}.csv?minimum=1&baseline=2019-03-01&kategori=1");

        Assert.Equal(plain.Count, ReadCsv(tampered).Count);
        Assert.Equal("57", ReadCsv(tampered).Single(r => r["category"] == "total" && r["group"] == "covered")["change_pct"]);
    }

    [Fact]
    public async Task Get_Impact_AfterACorrectedReport_ComputesAgain()
    {
        var example = await CreateExampleAsync(publish: true);
        using var client = site.CreateClient();
        await client.GetStringAsync($"/kampanye/{example.Slug}/dampak");

        // One coffee IKM corrects March from Rp 48.670 to Rp 79.670: +31.000 over 31 days is Rp 1.000 a day more.
        await SaveAsync(async db =>
        {
            var report = await db.SalesReports.Include(r => r.Revisions)
                .SingleAsync(r => r.CategoryId == example.Coffee && r.IkmId == example.Ikms[0] && r.PeriodStart == _march);
            report.Correct(80, 79_670, null, "salah ketik", DateTimeOffset.UtcNow, null);
        });

        var categories = await CsvAsync(client, example.Slug, ImpactCharts.CategoryChange);
        Assert.Equal("8850", categories.Single(r => r["category"] == $"kopi-uji-{example.Coffee}")["campaign_revenue_per_day_rupiah"]);
    }

    [Fact]
    public async Task ImpactSums_MonthlyReport_IsProRatedToTheDaysInsideTheBucket()
    {
        var (_, campaignId) = await CreateCampaignAsync();
        var category = await CreateCategoryAsync("kopi-prorata");
        var ikm = (await IkmIdsAsync())[0];
        await SaveAsync(db =>
        {
            db.SalesReports.Add(SalesReport.Create(ikm, null, category, SalesChannel.Offline, SalesPeriodKind.Monthly, _january, 31, 31_000, null, DateTimeOffset.UtcNow, null));
            db.SalesReports.Add(SalesReport.Create(ikm, null, category, SalesChannel.Offline, SalesPeriodKind.Daily, new DateOnly(2019, 1, 12), 1, 500, null, DateTimeOffset.UtcNow, null));
            db.SalesReports.Add(SalesReport.Create(ikm, null, category, SalesChannel.Shopee, SalesPeriodKind.Daily, new DateOnly(2019, 1, 25), 1, 700, null, DateTimeOffset.UtcNow, null));
        });
        // Baseline 10–19 January (10 days), campaign 1–10 February.
        var setup = new ImpactSetup(new DateOnly(2019, 1, 10), new DateOnly(2019, 1, 19), _february, new DateOnly(2019, 2, 10), 2, [category], []);

        using var scope = site.Factory.Services.CreateScope();
        var sums = await scope.ServiceProvider.GetRequiredService<ImpactSumsQuery>().RunAsync(setup, [(category, category)], CancellationToken.None);

        // 31.000 over 31 days: Rp 10.000 for ten days, plus the daily report of the 12th.
        Assert.Equal(10_500, sums.Single(s => s.Bucket == ImpactSetup.BaselineBucket).Revenue, 6);
        Assert.Equal(11, sums.Single(s => s.Bucket == ImpactSetup.BaselineBucket).Units, 6);
        Assert.DoesNotContain(sums, s => s.Bucket == ImpactSetup.CampaignBucket);
        // January is month 1 of the series (December 2018, January 2019, February 2019): all of it.
        Assert.Equal(32_200, sums.Single(s => s.Bucket == ImpactSetup.MonthBucket(1)).Revenue, 6);
        _ = campaignId;
    }

    private async Task<Example> CreateExampleAsync(bool publish)
    {
        var (slug, campaignId) = await CreateCampaignAsync();
        var coffee = await CreateCategoryAsync("kopi-uji");
        var small = await CreateCategoryAsync("kopi-kecil");
        var dominated = await CreateCategoryAsync("kopi-besar");
        var control = await CreateCategoryAsync("teh-uji");
        var ikms = await IkmIdsAsync();
        await SaveAsync(db =>
        {
            void Months(int ikm, int category, long january, long february, long march)
            {
                foreach (var (month, revenue) in new[] { (_january, january), (_february, february), (_march, march) })
                {
                    db.SalesReports.Add(SalesReport.Create(ikm, null, category, SalesChannel.Shopee, SalesPeriodKind.Monthly, month,
                        (int)Math.Max(1, revenue / 1000), revenue, null, DateTimeOffset.UtcNow, null));
                }
            }
            for (var i = 0; i < 5; i++)
            {
                // Coffee: Rp 1.000 a day in January, Rp 1.050 in February, Rp 1.570 in March per IKM.
                // The first IKM reports January day by day.
                if (i == 0)
                {
                    for (var day = _january; day.Month == 1; day = day.AddDays(1))
                    {
                        db.SalesReports.Add(SalesReport.Create(ikms[i], null, coffee, SalesChannel.WhatsApp, SalesPeriodKind.Daily, day, 1, 1_000, null, DateTimeOffset.UtcNow, null));
                    }
                    foreach (var (month, revenue) in new[] { (_february, 29_400L), (_march, 48_670L) })
                    {
                        db.SalesReports.Add(SalesReport.Create(ikms[i], null, coffee, SalesChannel.Shopee, SalesPeriodKind.Monthly, month, 30, revenue, null, DateTimeOffset.UtcNow, null));
                    }
                }
                else
                {
                    Months(ikms[i], coffee, 31_000, 29_400, 48_670);
                }
                // Control: Rp 100 a day in January, Rp 94 in March.
                Months(ikms[i], control, 3_100, 2_800, 2_914);
            }
            // Reported only in March: not in the panel.
            db.SalesReports.Add(SalesReport.Create(ikms[5], null, coffee, SalesChannel.Offline, SalesPeriodKind.Monthly, _march, 3_000, 3_100_000, null, DateTimeOffset.UtcNow, null));
            for (var i = 0; i < 4; i++)
            {
                Months(ikms[i], small, 77_777, 77_777, 99_999);
            }
            Months(ikms[0], dominated, 500_000, 500_000, 900_000);
            Months(ikms[1], dominated, 500_000, 500_000, 900_000);
            for (var i = 2; i < 5; i++)
            {
                Months(ikms[i], dominated, 1_000, 1_000, 1_000);
            }
            db.CampaignImpactPlans.Add(Plan(campaignId, [coffee, small, dominated], [control], publish));
        });
        return new Example(slug, campaignId, coffee, small, dominated, control, ikms);
    }

    private static CampaignImpactPlan Plan(int campaignId, int[] covered, int[] control, bool publish)
    {
        var plan = CampaignImpactPlan.For(campaignId);
        plan.Change(_march, new DateOnly(2019, 3, 31), _january, new DateOnly(2019, 1, 31), covered, control, 2, "Catatan uji dampak.", publish,
            DateTimeOffset.UtcNow, Guid.NewGuid());
        return plan;
    }

    private async Task<(string Slug, int Id)> CreateCampaignAsync()
    {
        var slug = $"dampak-{Guid.NewGuid():N}"[..20];
        var campaign = new Campaign
        {
            Slug = slug,
            Name = "Kampanye uji dampak",
            Hashtag = $"#UjiDampak{slug[7..]}",
            StartsOn = _march,
            EndsOn = new DateOnly(2019, 3, 31),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await SaveAsync(db => db.Campaigns.Add(campaign));
        return (slug, campaign.Id);
    }

    private async Task<int> CreateCategoryAsync(string prefix)
    {
        var category = new Category { Slug = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)], Name = $"Uji {prefix}", NameEn = $"Test {prefix}" };
        await SaveAsync(db => db.Categories.Add(category));
        // Slugs in the CSV carry the id, so each test finds its own rows.
        await SaveAsync(async db =>
        {
            var saved = await db.Categories.SingleAsync(c => c.Id == category.Id);
            db.Entry(saved).Property(c => c.Slug).CurrentValue = $"{prefix}-{category.Id}";
        });
        return category.Id;
    }

    private async Task<int[]> IkmIdsAsync()
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Ikms.OrderBy(i => i.Id).Select(i => i.Id).Take(6).ToArrayAsync();
    }

    private Task SaveAsync(Action<AppDbContext> change) => SaveAsync(db =>
    {
        change(db);
        return Task.CompletedTask;
    });

    private async Task SaveAsync(Func<AppDbContext, Task> change)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string slug, string chart)
    {
        var response = await client.GetAsync($"/kampanye/{slug}/dampak/data/{chart}.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        return ReadCsv(await response.Content.ReadAsStringAsync());
    }

    /// The impact CSV has no quoted separators in the cells these tests read.
    private static List<Dictionary<string, string>> ReadCsv(string content)
    {
        var lines = content.TrimStart('\uFEFF').Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(line => line.Split(',').Select((value, i) => (header[i], value.Trim('"'))).ToDictionary(p => p.Item1, p => p.Item2))];
    }
}
