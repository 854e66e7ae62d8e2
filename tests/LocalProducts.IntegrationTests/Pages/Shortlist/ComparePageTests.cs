using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Discovery;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Shortlist;

/// /bandingkan?p=…: up to four products side by side, server-rendered and cached for everyone.
public sealed class ComparePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string[] ColumnSlugs(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("table.comparison thead th a").Select(a => a.GetAttribute("href")!["/produk/".Length..])];

    /// The cells of the row whose header says <paramref name="header"/>, one per product.
    private static string[] Row(AngleSharp.Html.Dom.IHtmlDocument page, string header) =>
        [.. page.QuerySelectorAll("table.comparison tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == header)
            .QuerySelectorAll("td").Select(td => string.Join(' ', td.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];

    [Fact]
    public async Task Get_TwoProducts_ShowsPriceUnitMakerCertificatesAndShopsSideBySide()
    {
        var plain = await ShortlistData.PublishedAsync(site, "Kopi Polos Uji");
        var rich = await ShortlistData.PublishedAsync(site, "Kopi Lengkap Uji");
        var expires = Wib.Today(TimeProvider.System).AddYears(1);
        string richMaker;
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            var product = await db.Products.Include(p => p.Certifications).Include(p => p.Ikm).SingleAsync(p => p.Slug == rich);
            product.AddCertification(new Certification { Kind = CertificationKind.Tkdn, Number = "TKDN-UJI-77", TkdnPercent = 45m, BmpPercent = 10m, ExpiresOn = expires });
            product.Ikm!.GraduateFromESmart(Wib.Today(TimeProvider.System));
            richMaker = product.Ikm.Name;
            await db.SaveChangesAsync();
        }
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/bandingkan?p={plain},{rich}");

        Assert.Equal([plain, rich], ColumnSlugs(page));
        Assert.Equal(["Rp 50.000", "Rp 50.000"], Row(page, "Harga"));
        Assert.Equal(["bungkus", "bungkus"], Row(page, "Satuan"));
        var makers = Row(page, "Pembuat");
        Assert.StartsWith(richMaker, makers[1], StringComparison.Ordinal);
        Assert.Contains("Terverifikasi", makers[1], StringComparison.Ordinal);
        Assert.Contains("Alumni e-Smart IKM", makers[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Alumni e-Smart IKM", makers[0], StringComparison.Ordinal);
        Assert.All(Row(page, "Daerah"), region => Assert.Matches(@"^\S.*, \S.*$", region));
        var certificates = Row(page, "Sertifikasi");
        Assert.Contains("No. ID-HALAL-UJI-1", certificates[0], StringComparison.Ordinal);
        Assert.DoesNotContain("TKDN-UJI-77", certificates[0], StringComparison.Ordinal);
        Assert.Contains("No. TKDN-UJI-77", certificates[1], StringComparison.Ordinal);
        Assert.Contains($"berlaku sampai {expires.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("id-ID"))}", certificates[1], StringComparison.Ordinal);
        Assert.Equal(["—", "TKDN 45% + BMP 10%"], Row(page, "TKDN"));
        var pdn = Row(page, "PDN");
        Assert.Equal("Bukan PDN", pdn[0]);
        Assert.StartsWith("PDN", pdn[1], StringComparison.Ordinal);
        Assert.Equal(["Tokopedia", "Tokopedia"], Row(page, "Beli di"));
        Assert.NotNull(page.QuerySelector($"table.comparison a[href='/keluar/{rich}/tokopedia']"));
        // The table scrolls inside its own box, which a keyboard can reach and a screen reader names.
        var box = page.QuerySelector("div.table-scroll")!;
        Assert.Equal("0", box.GetAttribute("tabindex"));
        Assert.Equal("region", box.GetAttribute("role"));
        Assert.NotNull(page.GetElementById(box.GetAttribute("aria-labelledby")!));
        Assert.Equal(CrawlDecision.NoIndex, page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal($"/simpanan?p={plain},{rich}", page.QuerySelector("main a[href^='/simpanan']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_ExpiredCertificate_SaysSince()
    {
        var a = await ShortlistData.PublishedAsync(site);
        var b = await ShortlistData.PublishedAsync(site);
        using (var db = site.CreateDbContext(out var scope))
        using (scope)
        {
            var product = await db.Products.Include(p => p.Certifications).SingleAsync(p => p.Slug == b);
            product.AddCertification(new Certification { Kind = CertificationKind.Sni, Number = "SNI-UJI-9", ExpiresOn = new DateOnly(2024, 3, 1) });
            await db.SaveChangesAsync();
        }
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/bandingkan?p={a},{b}");

        var sni = page.QuerySelector("table.comparison li[data-certificate='sni']")!;
        Assert.Contains("Kedaluwarsa sejak 1 Maret 2024", sni.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MoreThanFour_ComparesTheFirstFour_AndSaysSo()
    {
        var slugs = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            slugs.Add(await ShortlistData.PublishedAsync(site));
        }
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/bandingkan?p={string.Join(',', slugs)}");

        Assert.Equal(slugs.Take(4), ColumnSlugs(page));
        Assert.Contains(page.QuerySelectorAll(".note"), n => n.TextContent.Contains("Paling banyak 4 produk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_UnknownAndHiddenSlugs_AreNoted_TheRestCompared()
    {
        var a = await ShortlistData.PublishedAsync(site);
        var b = await ShortlistData.PublishedAsync(site);
        var hidden = await ShortlistData.HiddenAsync(site);
        var unknown = ShortlistData.Unknown();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/bandingkan?p={a},{unknown},{b},{hidden}");

        Assert.Equal([a, b], ColumnSlugs(page));
        var note = page.QuerySelectorAll(".note").Single(n => n.TextContent.Contains("Tidak tersedia lagi", StringComparison.Ordinal));
        Assert.Contains(unknown, note.TextContent, StringComparison.Ordinal);
        Assert.Contains(hidden, note.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FewerThanTwoProducts_ExplainsAndLinksToTheSavedList()
    {
        var a = await ShortlistData.PublishedAsync(site);
        using var client = site.CreateClient();

        var one = await client.GetPageAsync($"/bandingkan?p={a},{a}");
        var none = await client.GetPageAsync("/bandingkan");

        Assert.Null(one.QuerySelector("table"));
        Assert.Contains("paling sedikit dua produk", one.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/simpanan?p={a}", one.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Null(none.QuerySelector("table"));
        Assert.Equal("/simpanan", none.QuerySelector("main a.button")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("p=")]
    [InlineData("p=,,,")]
    [InlineData("p=,,,%00")]
    [InlineData("p=%3Cscript%3E,%27%22,..%2F")]
    [InlineData("p=a&p=b&p=c&p=d&p=e")]
    public async Task Get_MalformedList_NeverFails(string query)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/bandingkan?{query}");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Null((await SiteFixture.ParseAsync(response)).QuerySelector("table"));
        }
    }

    [Fact]
    public async Task Get_SameComparisonTwice_SecondAnonymousAnswerComesFromTheCache_UntilAProductChanges()
    {
        var a = await ShortlistData.PublishedAsync(site);
        var b = await ShortlistData.PublishedAsync(site);
        using var client = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var first = await client.GetAsync($"/bandingkan?p={a},{b}");
        using var second = await client.GetAsync($"/bandingkan?p={a},{b}");
        await PortalData.ReadAsync(site, async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Slug == b);
            product.SetPrice(65_000, null);
            return await db.SaveChangesAsync();
        });
        var third = await SiteFixture.ParseAsync(await client.GetAsync($"/bandingkan?p={a},{b}"));

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(["Rp 50.000", "Rp 65.000"], Row(third, "Harga"));
    }
}
