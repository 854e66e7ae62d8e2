using System.Net;
using LocalProducts.Web.Pages.Discovery;

namespace LocalProducts.IntegrationTests.Pages.Shortlist;

/// /simpanan?p=…: the saved list from the address alone, server-rendered and cached for everyone.
public sealed class SavedPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string[] CardSlugs(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".saved-list .product-card h3 a").Select(a => a.GetAttribute("href")!["/produk/".Length..])];

    private static string[] MissingSlugs(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll(".saved-missing .saved-slug").Select(s => s.TextContent)];

    [Fact]
    public async Task Get_KnownSlugs_ShowsTheirCardsInTheOrderGiven_WithAShareAndACompareLink()
    {
        var a = await ShortlistData.PublishedAsync(site);
        var b = await ShortlistData.PublishedAsync(site);
        var c = await ShortlistData.PublishedAsync(site);
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/simpanan?p={c},{a},{b}");

        Assert.Equal([c, a, b], CardSlugs(page));
        Assert.Empty(MissingSlugs(page));
        Assert.Equal($"http://localhost/simpanan?p={c},{a},{b}", page.QuerySelector("#tautan-simpanan")!.GetAttribute("value"));
        Assert.Equal($"/bandingkan?p={c},{a},{b}", page.QuerySelector("main a[href^='/bandingkan']")!.GetAttribute("href"));
        Assert.Equal(CrawlDecision.NoIndex, page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/simpanan", StringComparison.Ordinal));
        // Each card has its "Simpan" link, which works without JavaScript too.
        Assert.Equal([$"/simpanan?p={c}", $"/simpanan?p={a}", $"/simpanan?p={b}"],
            page.QuerySelectorAll(".saved-list .product-card a.save-toggle").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public async Task Get_UnknownAndUnpublishedSlugs_AreListedAsNoLongerAvailable()
    {
        var shown = await ShortlistData.PublishedAsync(site);
        var hidden = await ShortlistData.HiddenAsync(site);
        var unknown = ShortlistData.Unknown();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/simpanan?p={unknown},{shown},{hidden}");

        Assert.Equal([shown], CardSlugs(page));
        Assert.Equal([unknown, hidden], MissingSlugs(page));
        Assert.Contains("tidak tersedia lagi", page.QuerySelector(".saved-missing")!.TextContent, StringComparison.Ordinal);
        // The share link carries the products still there.
        Assert.Equal($"http://localhost/simpanan?p={shown}", page.QuerySelector("#tautan-simpanan")!.GetAttribute("value"));
        // One product left: nothing to compare.
        Assert.Null(page.QuerySelector("main a[href^='/bandingkan']"));
    }

    [Fact]
    public async Task Get_MoreThanFiftySlugs_ShowsTheFirstFifty_AndSaysSo()
    {
        var first = await ShortlistData.PublishedAsync(site);
        var fiftyFirst = await ShortlistData.PublishedAsync(site);
        var unknown = Enumerable.Range(0, 49).Select(_ => ShortlistData.Unknown()).ToList();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/simpanan?p={string.Join(',', [first, .. unknown, fiftyFirst])}");

        Assert.Equal([first], CardSlugs(page));
        Assert.Equal(unknown, MissingSlugs(page));
        Assert.Contains(page.QuerySelectorAll(".note"), n => n.TextContent.Contains("lebih dari 50 produk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_DuplicateSlugs_ShowsEachProductOnce()
    {
        var a = await ShortlistData.PublishedAsync(site);
        var b = await ShortlistData.PublishedAsync(site);
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/simpanan?p={a},{b},{a},{b.ToUpperInvariant()},{a}");

        Assert.Equal([a, b], CardSlugs(page));
        Assert.Equal($"/bandingkan?p={a},{b}", page.QuerySelector("main a[href^='/bandingkan']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Get_WithoutAList_ExplainsSaving_AndLoadsTheScriptThatOpensTheDevicesList()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/simpanan");

        Assert.Equal("Simpanan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-saved-page]"));
        Assert.Contains("tanpa akun", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll(".product-card"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/simpanan", StringComparison.Ordinal));
        Assert.Equal(CrawlDecision.NoIndex, page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("p=")]
    [InlineData("p=,,,")]
    [InlineData("p=,,,%00")]
    [InlineData("p=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("p=..%2F..%2Fetc%2Fpasswd,--,a--b,-a")]
    [InlineData("p=%E2%80%AE%F0%9F%98%80,kopi%20gayo")]
    [InlineData("p=a&p=")]
    public async Task Get_MalformedList_NeverFails_AndShowsNoProducts(string query)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/simpanan?{query}");

        // A control character is refused before any page (400); everything else is a page.
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var page = await SiteFixture.ParseAsync(response);
            Assert.Empty(page.QuerySelectorAll(".saved-list .product-card"));
            Assert.DoesNotContain("<script>alert", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_PartlyMalformedList_ShowsTheProducts_AndNotesWhatWasIgnored()
    {
        var a = await ShortlistData.PublishedAsync(site);
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/simpanan?p=,,{a},%3Cb%3E,,");

        Assert.Equal([a], CardSlugs(page));
        Assert.Contains(page.QuerySelectorAll(".note"), n => n.TextContent.Contains("diabaikan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_SameListTwice_SecondAnonymousAnswerComesFromTheCache_AnotherListDoesNot()
    {
        var a = await ShortlistData.PublishedAsync(site);
        var b = await ShortlistData.PublishedAsync(site);
        using var client = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var first = await client.GetAsync($"/simpanan?p={a},{b}");
        using var second = await client.GetAsync($"/simpanan?p={a},{b}&x=1");
        using var other = await client.GetAsync($"/simpanan?p={b},{a}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Null(other.Headers.Age);
        Assert.False(first.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_ProductCardsAndProductPage_HaveASaveLinkToThatProductsList()
    {
        var a = await ShortlistData.PublishedAsync(site);
        using var client = site.CreateClient();

        var product = await client.GetPageAsync($"/produk/{a}");
        var related = await client.GetPageAsync("/produk?q=kopi");

        var save = product.QuerySelector(".product-info a.save-toggle")!;
        Assert.Equal($"/simpanan?p={a}", save.GetAttribute("href"));
        Assert.Equal(a, save.GetAttribute("data-save"));
        Assert.StartsWith("Simpan", save.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(product.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/simpanan", StringComparison.Ordinal));
        Assert.All(related.QuerySelectorAll(".results .product-card"), card =>
            Assert.Equal(card.QuerySelector("h3 a")!.GetAttribute("href")!.Replace("/produk/", "/simpanan?p=", StringComparison.Ordinal),
                card.QuerySelector("a.save-toggle")!.GetAttribute("href")));
    }
}
