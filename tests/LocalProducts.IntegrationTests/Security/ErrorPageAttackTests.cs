using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Security;

/// Requests that ended in a 500 (and a stack trace in the log): each is now a 4xx or a normal page.
public sealed class ErrorPageAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Get_IkmSearchWithNulByte_Answers400NotA500()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/ikm?q=%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_ApiIkmSearchWithNulByte_Answers400NotA500()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/api/v1/ikm?q=kopi%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/produk?q=%00")]
    [InlineData("/admin/pengguna?q=%00")]
    [InlineData("/produk/kopi%01")]
    [InlineData("/berita?kampanye=%01")]
    public async Task Get_AnyAddressWithControlCharacters_Answers400NotA500(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/sitemap/produk-0.xml")]
    [InlineData("/sitemap/produk--1.xml")]
    [InlineData("/sitemap/ikm-0.xml")]
    [InlineData("/sitemap/produk-2147483647.xml")]
    public async Task Get_SitemapPageAtOrBelowZeroOrHuge_Answers404NotA500(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sitemap/produk-1.xml")).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/produk")]
    [InlineData("/ikm")]
    [InlineData("/berita")]
    [InlineData("/akun/masuk")]
    public async Task Trace_OnAPage_Answers405NotA500(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Post_WithAValidTokenToAPageThatOnlyReads_Answers405NotA500()
    {
        using var client = site.CreateClient();
        // Any form of the site gives a token that is valid for every page.
        var login = await client.GetPageAsync("/akun/masuk");

        using var response = await client.SubmitAsync(PortalData.Retarget(login, "main form", "/ikm"), "main form");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Get_ShopLinkStoredWithNonAsciiCharacters_RedirectsToItsEncodedAddressNotA500()
    {
        var (slug, productId) = await PublishedProductAsync();
        await SetStoredLinkAsync(productId, "https://www.tokopedia.com/uji/kopi-é?warna=hijau muda");
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/keluar/{slug}/tokopedia");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("https://www.tokopedia.com/uji/kopi-%C3%A9?warna=hijau%20muda", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_ShopLinkStoredWithALineBreak_Answers404NotA500()
    {
        var (slug, productId) = await PublishedProductAsync();
        await SetStoredLinkAsync(productId, "https://www.tokopedia.com/uji/kopi\r\nSet-Cookie: a=b");
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/keluar/{slug}/tokopedia");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Post_ShopLinkWithALineBreakOrNonAscii_IsRefusedOrStoredNormalised()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var kopi = await PortalData.ReadAsync(site, db => db.Categories.Where(c => c.Slug == "kopi").Select(c => c.Id).SingleAsync());
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Kopi Tautan Aneh",
            ["Input.CategoryId"] = kopi.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Description"] = "Kopi arabika sangrai sedang dari kebun keluarga di lereng gunung, dikemas dalam kantong berkatup satu arah.",
            ["Input.PriceMin"] = "25.000",
            ["Input.Unit"] = "bungkus",
            ["Input.MinOrder"] = "1",
            ["Input.Links[0].Url"] = "https://www.tokopedia.com/uji/kopi\nLocation: https://evil.example",
            ["Input.Links[1].Url"] = "https://shopee.co.id/kopi-gayo-é",
        };

        var refused = await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", values);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tautan Tokopedia harus alamat https", (await SiteFixture.ParseAsync(refused)).QuerySelector("#err-link-0")?.TextContent, StringComparison.Ordinal);
        values.Remove("Input.Links[0].Url");
        await PortalData.AssertSavedAsync(await client.SubmitAsync(await client.GetPageAsync("/dasbor/produk/baru"), "main form", values));
        var stored = await PortalData.ReadAsync(site, db => db.MarketplaceLinks.Where(l => db.Products.Any(p => p.Id == l.ProductId && p.IkmId == ikmId)).Select(l => l.Url).SingleAsync());
        Assert.Equal("https://shopee.co.id/kopi-gayo-%C3%A9", stored);
    }

    private async Task<(string Slug, int Id)> PublishedProductAsync()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var id = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        return (await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync()), id);
    }

    /// A link as an older version of the site stored it, before addresses were normalised.
    private Task<int> SetStoredLinkAsync(int productId, string url) =>
        PortalData.ReadAsync(site, db => db.MarketplaceLinks.Where(l => l.ProductId == productId && l.Platform == Marketplace.Tokopedia)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Url, url)));
}
