using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ShopperJourneyTests(BrowserFixture site)
{
    /// The page's own markup is there: the assertions that follow wait for what they need. Waiting
    /// for "load" also waited for every product photo, which on a busy two-core machine took longer
    /// than Playwright's 30 s.
    private static readonly PageWaitForURLOptions _domReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task Shopper_OnAPhone_GoesFromHome_ToProducts_ToAProductPage()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" }).GetByRole(AriaRole.Link, new() { Name = "Produk" }).ClickAsync();
        await page.WaitForURLAsync("**/produk", _domReady);
        var firstProduct = page.Locator(".product-card h3 a").First;
        var name = (await firstProduct.InnerTextAsync()).Trim();
        await firstProduct.ClickAsync();

        await page.WaitForURLAsync("**/produk/*", _domReady);
        await Expect(Heading(page)).ToHaveTextAsync(name);
        await Expect(page.Locator(".product-info .price")).ToHaveTextAsync(new Regex(@"^\s*Rp \d"));
    }

    [Fact]
    public async Task Search_FromTheHeader_FindsCoffee()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Cari produk lokal").FillAsync("kopi");
        await page.GetByLabel("Cari produk lokal").PressAsync("Enter");

        await page.WaitForURLAsync("**/produk?q=kopi", _domReady);
        await Expect(page.Locator(".product-card").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Shopper_OnAPhone_Searches_Filters_AndOpensAProduct()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Cari produk lokal").FillAsync("kopi gayoo");
        await page.GetByLabel("Cari produk lokal").PressAsync("Enter");
        await page.WaitForURLAsync("**/produk?q=*", _domReady);
        await Expect(page.Locator(".note").First).ToContainTextAsync("kopi gayo");

        await page.Locator(".facet", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Provinsi" }) })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync("**provinsi=*", _domReady);
        await Expect(page.Locator(".chips a", new() { HasText = "Aceh" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".result-count")).Not.ToHaveTextAsync("0 produk");

        var first = page.Locator(".results .product-card h3 a").First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/produk/*", _domReady);
        await Expect(Heading(page)).ToHaveTextAsync(name);
        Assert.True(await page.Locator(".buy-links a").CountAsync() > 0 || await page.Locator(".maker-card").CountAsync() == 1);
    }

    [Fact]
    public async Task LanguageSwitch_WithoutJavaScript_ShowsEnglish()
    {
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/kampanye");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await page.WaitForURLAsync("**/kampanye", _domReady);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(Heading(page)).ToHaveTextAsync("Campaigns");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/produk")]
    [InlineData("/ikm")]
    [InlineData("/kampanye")]
    [InlineData("/berita")]
    [InlineData("/acara")]
    [InlineData("/acara/ngobrol-santai-melokal-jakarta")]
    [InlineData("/akun/masuk")]
    [InlineData("/halaman-yang-tidak-ada")]
    public async Task MainPages_HaveNoSeriousAccessibilityProblems(string path)
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var problems = await site.SeriousAccessibilityProblemsAsync(page);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task ProductAndPostPages_HaveNoSeriousAccessibilityProblems()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/produk");
        await page.Locator(".product-card h3 a").First.ClickAsync();
        await page.WaitForURLAsync("**/produk/*", _domReady);
        var productProblems = await site.SeriousAccessibilityProblemsAsync(page);
        await page.GotoAsync("/berita");
        await page.Locator(".post-list h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/berita/*", _domReady);
        var postProblems = await site.SeriousAccessibilityProblemsAsync(page);

        Assert.True(productProblems.Count == 0, string.Join('\n', productProblems));
        Assert.True(postProblems.Count == 0, string.Join('\n', postProblems));
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 });
}
