using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class ShopperJourneyTests(BrowserFixture site)
{
    [Fact]
    public async Task Shopper_OnAPhone_GoesFromHome_ToProducts_ToAProductPage()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("id", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" }).GetByRole(AriaRole.Link, new() { Name = "Produk" }).ClickAsync();
        await page.WaitForURLAsync("**/produk");
        var firstProduct = page.Locator(".product-card h3 a").First;
        var name = (await firstProduct.InnerTextAsync()).Trim();
        await firstProduct.ClickAsync();

        await page.WaitForURLAsync("**/produk/*");
        Assert.Equal(name, (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Matches(@"^Rp \d", (await page.Locator(".product-info .price").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Search_FromTheHeader_FindsCoffee()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Cari produk lokal").FillAsync("kopi");
        await page.GetByLabel("Cari produk lokal").PressAsync("Enter");

        await page.WaitForURLAsync("**/produk?q=kopi");
        Assert.True(await page.Locator(".product-card").CountAsync() > 0);
    }

    [Fact]
    public async Task Shopper_OnAPhone_Searches_Filters_AndOpensAProduct()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByLabel("Cari produk lokal").FillAsync("kopi gayoo");
        await page.GetByLabel("Cari produk lokal").PressAsync("Enter");
        await page.WaitForURLAsync("**/produk?q=*");
        Assert.Contains("kopi gayo", await page.Locator(".note").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator(".facet", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Provinsi" }) })
            .GetByRole(AriaRole.Link).First.ClickAsync();
        await page.WaitForURLAsync("**provinsi=*");
        Assert.Equal(1, await page.Locator(".chips a", new() { HasText = "Aceh" }).CountAsync());
        Assert.NotEqual("0 produk", await page.Locator(".result-count").InnerTextAsync());

        var first = page.Locator(".results .product-card h3 a").First;
        var name = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.WaitForURLAsync("**/produk/*");
        Assert.Equal(name, (await page.Locator("main h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".buy-links a").CountAsync() > 0 || await page.Locator(".maker-card").CountAsync() == 1);
    }

    [Fact]
    public async Task LanguageSwitch_WithoutJavaScript_ShowsEnglish()
    {
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/kampanye");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await page.WaitForURLAsync("**/kampanye");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Campaigns", (await page.Locator("main h1").InnerTextAsync()).Trim());
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
        await page.WaitForURLAsync("**/produk/*");
        var productProblems = await site.SeriousAccessibilityProblemsAsync(page);
        await page.GotoAsync("/berita");
        await page.Locator(".post-list h2 a").First.ClickAsync();
        await page.WaitForURLAsync("**/berita/*");
        var postProblems = await site.SeriousAccessibilityProblemsAsync(page);

        Assert.True(productProblems.Count == 0, string.Join('\n', productProblems));
        Assert.True(postProblems.Count == 0, string.Join('\n', postProblems));
    }
}
