using System.Globalization;
using System.Net;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.IntegrationTests.Pages.Dashboard.Sales;

public sealed class SalesReportTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_Report_ByForm_SavesIt_AndTheListShowsItCounted()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var day = SalesData.Today.AddDays(-3);

        var response = await SalesData.ReportAsync(client, SalesData.Form(owner, day, units: "1.200", revenue: "Rp 1.250.000"));

        await PortalData.AssertSavedAsync(response);
        var report = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal((owner.ProductId, SalesChannel.Shopee, SalesPeriodKind.Daily, day), (report.ProductId, report.Channel, report.PeriodKind, report.PeriodStart));
        Assert.Equal((1200, 1_250_000L, SalesReportState.Counted), (report.Units, report.RevenueRupiah, report.State));
        Assert.Equal(owner.CategoryId, report.CategoryId);
        var list = await client.GetPageAsync("/dasbor/penjualan");
        var row = list.QuerySelector($"tr[data-report='{report.Id}']")!;
        Assert.Contains("Dihitung", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 1.250.000", row.TextContent, StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector("nav.section-nav a[href='/dasbor/penjualan']"));
    }

    [Fact]
    public async Task Post_Report_Monthly_ForACategory_AcceptsMonthAsWritten()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var month = SalesData.Today.AddMonths(-2);
        var values = SalesData.Form(owner, month);
        values["Input.Item"] = "k" + owner.CategoryId.ToString(CultureInfo.InvariantCulture);
        values["Input.Kind"] = "Monthly";
        values["Input.Month"] = month.ToString("MM/yyyy", CultureInfo.InvariantCulture);
        values["Input.Revenue"] = "1250000";

        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, values));

        var report = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Null(report.ProductId);
        Assert.Equal(new DateOnly(month.Year, month.Month, 1), report.PeriodStart);
        Assert.Equal(SalesPeriodKind.Monthly, report.PeriodKind);
    }

    [Theory]
    [InlineData("-5", "100.000", "Jumlah unit tidak boleh negatif")]
    [InlineData("5", "-100.000", "Pendapatan tidak boleh negatif")]
    [InlineData("5", "Rp 900.000.000.000", "Pendapatan terlalu besar")]
    [InlineData("20.000.000", "100.000", "Jumlah unit terlalu besar")]
    [InlineData("1", "Rp 2.000.000.000", "Pendapatan per unit lebih dari")]
    [InlineData("5", "0", "pendapatannya Rp 0")]
    [InlineData("lima", "100.000", "Tulis jumlah unit sebagai angka bulat")]
    [InlineData("5", "12,5", "Tulis pendapatan dalam rupiah")]
    public async Task Post_Report_BadFigures_SaysWhy_AndSavesNothing(string units, string revenue, string message)
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;

        var response = await SalesData.ReportAsync(client, SalesData.Form(owner, SalesData.Today.AddDays(-1), units, revenue));

        await SalesData.AssertRefusedAsync(response, message);
        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
    }

    [Fact]
    public async Task Post_Report_FutureOrTooOldDay_IsRefused()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;

        await SalesData.AssertRefusedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, SalesData.Today.AddDays(2))), "Periode ini belum dimulai");
        await SalesData.AssertRefusedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, new DateOnly(2014, 6, 1))), "Periode ini terlalu lama");
        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
    }

    [Fact]
    public async Task Post_Report_Duplicate_SaysSo_AndLinksToTheFirst()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var day = SalesData.Today.AddDays(-4);
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, day)));
        var first = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));

        var response = await SalesData.ReportAsync(client, SalesData.Form(owner, day, "13", "1.300.000"));

        await SalesData.AssertRefusedAsync(response, "Sudah ada laporan untuk periode ini");
        var page = await SiteFixture.ParseAsync(response);
        Assert.NotNull(page.QuerySelector($"a[href='/dasbor/penjualan/{first.Id}']"));
        var stored = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal(12, stored.Units);
    }

    [Fact]
    public async Task Post_Report_SameFromTwoTabsAtOnce_SavesOne_AndNeverFails()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var day = SalesData.Today.AddDays(-5);
        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.GetPageAsync("/dasbor/penjualan/baru")));

        var responses = await Task.WhenAll(pages.Select(page => client.SubmitAsync(page, "main form", SalesData.Form(owner, day))));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"answered {(int)r.StatusCode}"));
        Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        foreach (var refused in responses.Where(r => r.StatusCode == HttpStatusCode.OK))
        {
            await SalesData.AssertRefusedAsync(refused, "Sudah ada laporan untuk periode ini");
        }
    }

    [Fact]
    public async Task Post_Report_ForAnotherIkmsProduct_IsRefused_AndNothingSaved()
    {
        var owner = await SalesData.OwnerAsync(site);
        var other = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        other.Client.Dispose();
        var values = SalesData.Form(owner, SalesData.Today.AddDays(-1));
        values["Input.Item"] = "p" + other.ProductId.ToString(CultureInfo.InvariantCulture);

        await SalesData.AssertRefusedAsync(await SalesData.ReportAsync(client, values), "Produk ini bukan milik usaha Anda");

        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Empty(await SalesData.ReportsAsync(site, other.IkmId));
    }

    [Fact]
    public async Task Post_Report_MonthlyWhereDailyExist_AndDailyWhereMonthlyExists_AreRefused()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var lastMonth = SalesData.Today.AddMonths(-1);
        var day = new DateOnly(lastMonth.Year, lastMonth.Month, 10);
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, day)));
        var monthly = SalesData.Form(owner, day);
        monthly["Input.Kind"] = "Monthly";
        monthly["Input.Month"] = SalesData.Month(day);

        await SalesData.AssertRefusedAsync(await SalesData.ReportAsync(client, monthly), "Bulan ini sudah punya laporan harian");

        // The same month on another channel is fine; then a day there is refused.
        monthly["Input.Channel"] = "Tokopedia";
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, monthly));
        await SalesData.AssertRefusedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, day.AddDays(1), channel: "Tokopedia")),
            "Bulan ini sudah punya laporan bulanan");
        // A whole-category report over the product's day would count it twice too.
        var category = SalesData.Form(owner, day);
        category["Input.Item"] = "k" + owner.CategoryId.ToString(CultureInfo.InvariantCulture);
        await SalesData.AssertRefusedAsync(await SalesData.ReportAsync(client, category), "Sudah ada laporan per produk dari kategori ini");
        Assert.Equal(2, (await SalesData.ReportsAsync(site, owner.IkmId)).Count);
    }

    [Fact]
    public async Task Post_Correction_KeepsTheHistory_AndTheLatestCounts()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, SalesData.Today.AddDays(-2))));
        var report = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        var page = await client.GetPageAsync($"/dasbor/penjualan/{report.Id}");

        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Units"] = "15",
            ["Input.Revenue"] = "Rp 1.500.000",
            ["Input.Reason"] = "Salah hitung stok",
        });

        await PortalData.AssertSavedAsync(response);
        var corrected = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal((15, 1_500_000L), (corrected.Units, corrected.RevenueRupiah));
        Assert.Equal(2, corrected.Revisions.Count);
        var history = await client.GetPageAsync($"/dasbor/penjualan/{report.Id}");
        var rows = history.QuerySelectorAll("#riwayat-tabel tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Rp 1.500.000", rows[0], StringComparison.Ordinal);
        Assert.Contains("Salah hitung stok", rows[0], StringComparison.Ordinal);
        Assert.Contains("Rp 1.250.000", rows[1], StringComparison.Ordinal);
        Assert.Contains("Rp 1.500.000", history.QuerySelector("#angka")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Correction_FromTwoTabs_SecondSeesTheSavedFigures_AndLosesNothing()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, SalesData.Today.AddDays(-2))));
        var report = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        var tab1 = await client.GetPageAsync($"/dasbor/penjualan/{report.Id}");
        var tab2 = await client.GetPageAsync($"/dasbor/penjualan/{report.Id}");

        await PortalData.AssertSavedAsync(await client.SubmitAsync(tab1, "main form", new Dictionary<string, string> { ["Input.Units"] = "15", ["Input.Revenue"] = "1.500.000" }));
        var second = await client.SubmitAsync(tab2, "main form", new Dictionary<string, string> { ["Input.Units"] = "20", ["Input.Revenue"] = "2.000.000" });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await SiteFixture.ParseAsync(second);
        var conflict = page.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("Rp 1.500.000", conflict, StringComparison.Ordinal);
        Assert.Contains("Rp 2.000.000", conflict, StringComparison.Ordinal);
        Assert.Equal("20", page.QuerySelector("#Input_Units")!.GetAttribute("value"));
        var stored = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal(15, stored.Units);

        // Saving again, after seeing both, overwrites on purpose.
        await PortalData.AssertSavedAsync(await client.SubmitAsync(page, "main form"));
        Assert.Equal(20, Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId)).Units);
    }

    [Fact]
    public async Task Get_AndPost_AnotherIkmsReport_Answer404()
    {
        var owner = await SalesData.OwnerAsync(site);
        var other = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(other.Client, SalesData.Form(other, SalesData.Today.AddDays(-1))));
        var theirs = Assert.Single(await SalesData.ReportsAsync(site, other.IkmId));
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, SalesData.Today.AddDays(-1))));
        var mine = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dasbor/penjualan/{theirs.Id}")).StatusCode);
        var page = PortalData.Retarget(await client.GetPageAsync($"/dasbor/penjualan/{mine.Id}"), "main form", $"/dasbor/penjualan/{theirs.Id}");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Units"] = "99", ["Input.Revenue"] = "9.900.000" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(12, Assert.Single(await SalesData.ReportsAsync(site, other.IkmId)).Units);
        other.Client.Dispose();
    }

    [Fact]
    public async Task Post_Unauthenticated_IsSentToLogIn_AndSavesNothing()
    {
        var owner = await SalesData.OwnerAsync(site);
        var page = await owner.Client.GetPageAsync("/dasbor/penjualan/baru");
        owner.Client.Dispose();
        using var anonymous = site.CreateClient();

        var response = await anonymous.PostAsync("/dasbor/penjualan/baru", new FormUrlEncodedContent(SalesData.Form(owner, SalesData.Today.AddDays(-1))));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().StartsWith("/dasbor/penjualan", StringComparison.Ordinal));
        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.NotNull(page);
    }

    [Fact]
    public async Task Get_List_FiltersByMonth_NewestFirst()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var thisMonth = new DateOnly(SalesData.Today.Year, SalesData.Today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, lastMonth.AddDays(2))));
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, lastMonth.AddDays(5))));
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(client, SalesData.Form(owner, thisMonth)));
        var reports = await SalesData.ReportsAsync(site, owner.IkmId);

        var all = await client.GetPageAsync("/dasbor/penjualan");
        var filtered = await client.GetPageAsync("/dasbor/penjualan?bulan=" + lastMonth.ToString("MM/yyyy", CultureInfo.InvariantCulture));

        Assert.Equal([reports[2].Id, reports[1].Id, reports[0].Id], all.QuerySelectorAll("tr[data-report]").Select(r => long.Parse(r.GetAttribute("data-report")!, CultureInfo.InvariantCulture)));
        Assert.Equal([reports[1].Id, reports[0].Id], filtered.QuerySelectorAll("tr[data-report]").Select(r => long.Parse(r.GetAttribute("data-report")!, CultureInfo.InvariantCulture)));
    }
}
