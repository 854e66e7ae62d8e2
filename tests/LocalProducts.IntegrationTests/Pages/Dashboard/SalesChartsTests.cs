using System.Net;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Dashboard;

/// /dasbor/grafik: an owner sees charts of their own counted sales reports, and nobody else's.
public sealed class SalesChartsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly DateOnly _thisMonth = new(Wib.Today(TimeProvider.System).Year, Wib.Today(TimeProvider.System).Month, 1);
    private static readonly DateOnly _lastMonth = _thisMonth.AddMonths(-1);
    private static readonly DateOnly _monthBefore = _thisMonth.AddMonths(-2);

    private sealed record Report(int? ProductId, SalesChannel Channel, SalesPeriodKind Kind, DateOnly Day, int Units, long Revenue, bool Held = false);

    private async Task AddReportsAsync(int ikmId, params Report[] reports)
    {
        using var scope = site.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var kopi = await db.Categories.Where(c => c.Slug == "kopi").Select(c => c.Id).SingleAsync();
        foreach (var r in reports)
        {
            var category = r.ProductId is { } p ? await db.Products.Where(x => x.Id == p).Select(x => x.CategoryId).SingleAsync() : kopi;
            db.SalesReports.Add(SalesReport.Create(ikmId, r.ProductId, category, r.Channel, r.Kind, r.Day, r.Units, r.Revenue,
                r.Held ? "Jauh di atas riwayat (uji)" : null, DateTimeOffset.UtcNow, null));
        }
        await db.SaveChangesAsync();
    }

    private static string TableText(IHtmlDocument page, string chartId) =>
        page.QuerySelector($"#{chartId} table")?.TextContent ?? "";

    private static List<string> RowOf(IHtmlDocument page, string chartId, string label) =>
        page.QuerySelectorAll($"#{chartId} tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == label)
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();

    private static string Month(DateOnly month) => month.ToString("MMM yyyy", new System.Globalization.CultureInfo("id-ID"));

    [Fact]
    public async Task Get_Charts_ShowOwnCountedFigures_AndNoOtherOwnersFigures()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikm = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var product = await PortalData.CreateProductAsync(site, ikm, ProductState.Published, "Kopi Sangrai <script>alert(1)</script>");
        var other = await PortalData.CreateOwnerAsync(site);
        var otherIkm = await PortalData.CreateIkmAsync(site, other.Id, VerificationState.Verified);
        var otherProduct = await PortalData.CreateProductAsync(site, otherIkm, ProductState.Published, "Kopi Rahasia Tetangga");
        await AddReportsAsync(ikm,
            new Report(product, SalesChannel.Shopee, SalesPeriodKind.Monthly, _lastMonth, 40, 2_000_000),
            new Report(null, SalesChannel.WhatsApp, SalesPeriodKind.Monthly, _lastMonth, 10, 1_000_000),
            new Report(product, SalesChannel.Tokopedia, SalesPeriodKind.Daily, _monthBefore.AddDays(2), 6, 300_000),
            new Report(product, SalesChannel.Offline, SalesPeriodKind.Daily, _monthBefore.AddDays(9), 9, 450_000),
            new Report(product, SalesChannel.Shopee, SalesPeriodKind.Daily, _lastMonth.AddDays(3), 99, 777_777_777, Held: true),
            // This month is not over: not in the charts yet.
            new Report(product, SalesChannel.Shopee, SalesPeriodKind.Monthly, _thisMonth, 1, 123_456));
        await AddReportsAsync(otherIkm, new Report(otherProduct, SalesChannel.Lazada, SalesPeriodKind.Monthly, _lastMonth, 5, 9_876_543));
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.GetAsync("/dasbor/grafik");
        var html = await response.Content.ReadAsStringAsync();
        var page = await SiteFixture.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Monthly reports count in their month, daily ones are summed; growth against the month before.
        Assert.Equal(["Rp 3.000.000", "+300,0 %"], RowOf(page, "grafik-pendapatan", Month(_lastMonth)));
        Assert.Equal(["Rp 750.000", "–"], RowOf(page, "grafik-pendapatan", Month(_monthBefore)));
        Assert.Equal(["belum dilaporkan", "–"], RowOf(page, "grafik-pendapatan", Month(_thisMonth.AddMonths(-12))));
        Assert.Equal(12, page.QuerySelectorAll("#grafik-pendapatan tbody tr").Length);
        Assert.Contains("+300,0 %", page.QuerySelector("#grafik-pendapatan .chart-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#grafik-pendapatan svg[role=img] title"));
        // Best products: the product, then the category report under the category's name.
        Assert.Equal(["Rp 2.750.000", "55"], RowOf(page, "grafik-produk", "Kopi Sangrai <script>alert(1)</script>"));
        Assert.Equal(["Rp 1.000.000", "10"], RowOf(page, "grafik-produk", "Kopi (kategori)"));
        // Shares of Rp 3.750.000.
        Assert.Equal(["53,3 %", "Rp 2.000.000"], RowOf(page, "grafik-saluran", "Shopee"));
        Assert.Equal(["26,7 %", "Rp 1.000.000"], RowOf(page, "grafik-saluran", "WhatsApp"));
        Assert.Equal(["12,0 %", "Rp 450.000"], RowOf(page, "grafik-saluran", "Luring (offline)"));
        Assert.Contains("1 laporan menunggu tinjauan staf", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        foreach (var absent in new[] { "777.777.777", "123.456", "9.876.543", "Kopi Rahasia Tetangga", "Lazada" })
        {
            Assert.DoesNotContain(absent, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".section-nav a"), a => a.GetAttribute("href") == "/dasbor/grafik" && a.GetAttribute("aria-current") == "page");
    }

    [Fact]
    public async Task Get_Charts_OtherOwner_SeesOnlyTheirOwn()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikm = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        await AddReportsAsync(ikm, new Report(null, SalesChannel.Blibli, SalesPeriodKind.Monthly, _lastMonth, 3, 4_321_000));
        var other = await PortalData.CreateOwnerAsync(site);
        var otherIkm = await PortalData.CreateIkmAsync(site, other.Id, VerificationState.Verified);
        await AddReportsAsync(otherIkm, new Report(null, SalesChannel.Offline, SalesPeriodKind.Monthly, _lastMonth, 2, 250_000));
        using var client = await PortalData.OwnerClientAsync(site, other);

        var page = await client.GetPageAsync("/dasbor/grafik");

        Assert.Equal(["Rp 250.000", "–"], RowOf(page, "grafik-pendapatan", Month(_lastMonth)));
        Assert.DoesNotContain("4.321.000", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Blibli", TableText(page, "grafik-saluran"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Charts_NoReports_SaysSo_AndLinksToReporting()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor/grafik");

        Assert.Equal("Belum ada laporan penjualan", page.QuerySelector("#belum-ada-laporan")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/dasbor/penjualan");
        Assert.Null(page.QuerySelector("figure.chart"));
    }

    [Fact]
    public async Task Get_Charts_WithoutIkm_InvitesToRegister()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor/grafik");

        Assert.Contains(page.QuerySelectorAll("a.button"), a => a.GetAttribute("href") == "/dasbor/usaha");
    }

    [Fact]
    public async Task Get_Dashboard_TeasesTheCharts()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor");

        Assert.Contains(page.QuerySelectorAll("#grafik-penjualan ~ p a"), a => a.GetAttribute("href") == "/dasbor/grafik");
    }

    [Fact]
    public async Task Get_Charts_Anonymous_RedirectsToLogIn()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/dasbor/grafik");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/masuk", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
