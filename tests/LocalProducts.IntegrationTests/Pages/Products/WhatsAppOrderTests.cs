using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// "Pesan lewat WhatsApp": the form on the product page, the counted redirect to wa.me with the
/// order written, and the clicks on the owner's dashboard.
public sealed class WhatsAppOrderTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Number = "6281234567890";

    private sealed record TestProduct(int Id, string Slug, string Name, TestOwner Owner);

    private async Task<TestProduct> ProductAsync(string? name = null, bool withWhatsApp = true, ProductState state = ProductState.Published)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        if (!withWhatsApp)
        {
            await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).ExecuteUpdateAsync(s => s.SetProperty(i => i.WhatsApp, (string?)null)));
        }
        var id = await PortalData.CreateProductAsync(site, ikmId, state, name);
        var product = await PortalData.ReadAsync(site, db => db.Products.AsNoTracking().SingleAsync(p => p.Id == id));
        return new(id, product.Slug, product.Name, owner);
    }

    private Task<int> ClicksAsync(int productId) =>
        PortalData.ReadAsync(site, db => db.OutboundClicks.Where(c => c.ProductId == productId && c.Platform == Marketplace.WhatsApp).SumAsync(c => c.Clicks));

    private static string Expected(TestProduct product, int quantity) =>
        $"https://wa.me/{Number}?text=" + Uri.EscapeDataString(
            $"Halo, saya ingin memesan lewat Melokal:\n{product.Name}\nHarga: Rp 50.000 / bungkus\nJumlah: {quantity} bungkus\nhttp://localhost/produk/{product.Slug}");

    [Fact]
    public async Task ProductPage_OfAMakerWithWhatsApp_HasTheOrderForm_OpeningInANewTab()
    {
        var product = await ProductAsync();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{product.Slug}");

        var form = page.QuerySelector("form.wa-order");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal($"/keluar/{product.Slug}/whatsapp", form.GetAttribute("action"));
        Assert.Equal("_blank", form.GetAttribute("target"));
        Assert.Equal("nofollow noopener", form.GetAttribute("rel"));
        var quantity = form.QuerySelector("input[name='jumlah']")!;
        Assert.Equal(("number", "1", "999", "1"), (quantity.GetAttribute("type"), quantity.GetAttribute("min"), quantity.GetAttribute("max"), quantity.GetAttribute("value")));
        Assert.Equal("Jumlah", page.QuerySelector($"label[for='{quantity.Id}']")?.TextContent);
        var button = form.QuerySelector("button[type='submit']")!.TextContent;
        Assert.Contains("Pesan lewat WhatsApp", button, StringComparison.Ordinal);
        Assert.Contains("kamu akan ke WhatsApp (tab baru)", button, StringComparison.Ordinal);
        // The chat is only reached through the counted redirect.
        Assert.Empty(page.QuerySelectorAll("a[href^='https://wa.me/']"));
    }

    [Fact]
    public async Task ProductPage_OfAMakerWithoutWhatsApp_HasNoOrderForm()
    {
        var product = await ProductAsync(withWhatsApp: false);
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{product.Slug}");

        Assert.Null(page.QuerySelector("form.wa-order"));
        Assert.DoesNotContain("Pesan lewat WhatsApp", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href*='wa.me']"));
        // The marketplace button is still there.
        Assert.NotNull(page.QuerySelector($"a[href='/keluar/{product.Slug}/tokopedia']"));
    }

    [Fact]
    public async Task Redirect_GoesToTheMakersChat_WithTheOrderEncoded_AndTheLinkFromThePublicAddress()
    {
        var product = await ProductAsync("Kopi & Teh #1 ☕ Gayo+Aceh");
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.GetAsync($"/keluar/{product.Slug}/whatsapp?jumlah=3");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Equal(Expected(product, 3), location);
        Assert.Contains("Kopi%20%26%20Teh%20%231%20%E2%98%95%20Gayo%2BAceh%0A", location, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", location, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Redirect_CountsTheClick_OncePerAddressAndDay_LikeTheMarketplaceButtons()
    {
        var product = await ProductAsync();
        using var client = site.CreateClient();
        Assert.Equal(0, await ClicksAsync(product.Id));

        using (var first = await client.GetAsync($"/keluar/{product.Slug}/whatsapp?jumlah=2"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }
        Assert.Equal(1, await ClicksAsync(product.Id));

        using (var again = await client.GetAsync($"/keluar/{product.Slug}/whatsapp?jumlah=5"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
        Assert.Equal(1, await ClicksAsync(product.Id));
        // Nothing counted for the marketplaces.
        Assert.Equal(0, await PortalData.ReadAsync(site, db => db.OutboundClicks.CountAsync(c => c.ProductId == product.Id && c.Platform != Marketplace.WhatsApp)));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("?jumlah=", 1)]
    [InlineData("?jumlah=abc", 1)]
    [InlineData("?jumlah=0", 1)]
    [InlineData("?jumlah=-7", 1)]
    [InlineData("?jumlah=2.5", 1)]
    [InlineData("?jumlah=1000", 999)]
    [InlineData("?jumlah=99999999999999999999999999", 999)]
    [InlineData("?jumlah=4&jumlah=6", 4)]
    [InlineData("?jumlah=%3Cscript%3E", 1)]
    public async Task Redirect_WithAQuantityOutOfRangeOrNotANumber_KeepsItWithin1To999(string query, int expected)
    {
        var product = await ProductAsync();
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/keluar/{product.Slug}/whatsapp{query}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Expected(product, expected), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Redirect_GoesOnlyToWaMe_WhateverTheAddressCarries()
    {
        var product = await ProductAsync();
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/keluar/{product.Slug}/whatsapp?jumlah=1&url=https%3A%2F%2Fevil.example&ke=https://evil.example&returnUrl=//evil.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"https://wa.me/{Number}?text=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_ForAnUnknownOrHiddenProduct_OrAMakerWithoutWhatsApp_IsNotFound()
    {
        var hidden = await ProductAsync(state: ProductState.Hidden);
        var withoutNumber = await ProductAsync(withWhatsApp: false);
        using var client = site.CreateClient();

        foreach (var path in new[] { "/keluar/tidak-ada-produk-ini/whatsapp?jumlah=2", $"/keluar/{hidden.Slug}/whatsapp", $"/keluar/{withoutNumber.Slug}/whatsapp" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(0, await ClicksAsync(hidden.Id));
        Assert.Equal(0, await ClicksAsync(withoutNumber.Id));
    }

    [Fact]
    public async Task Dashboard_ShowsWhatsAppClicks_BesideTheMarketplaces()
    {
        var product = await ProductAsync();
        using (var shopper = site.CreateClient())
        {
            using var click = await shopper.GetAsync($"/keluar/{product.Slug}/whatsapp?jumlah=2");
            Assert.Equal(HttpStatusCode.Redirect, click.StatusCode);
        }
        using var owner = await PortalData.OwnerClientAsync(site, product.Owner);

        var page = await owner.GetPageAsync("/dasbor");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/dasbor/produk/{product.Id}/ubah']") is not null);
        Assert.Contains("WhatsApp: 1", row.QuerySelectorAll("td")[2].TextContent, StringComparison.Ordinal);
    }
}
