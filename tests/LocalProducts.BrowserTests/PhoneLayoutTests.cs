using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

/// The shopper's pages on a phone (390 px) and a small phone (360 px), with the demo data: the
/// results and the buy buttons come on the first screen, nothing scrolls sideways, and axe-core
/// finds nothing serious.
[Collection(BrowserTestGroup.Name)]
public sealed class PhoneLayoutTests(BrowserFixture site)
{
    private const int ScreenHeight = 844;

    [Fact]
    public async Task CoffeeSearch_OnAPhone_ShowsTheFirstProductOnTheFirstScreen()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        await page.GotoAsync("/produk?q=kopi");

        var box = await page.Locator(".results .product-card").First.BoundingBoxAsync();
        Assert.True(box is { Y: < ScreenHeight }, $"the first product starts at {box?.Y} px");
        // The filters are one tap away, and a filter lands on the results.
        var saring = page.Locator("a.filter-toggle");
        Assert.Equal("#saring", await saring.GetAttributeAsync("href"));
        Assert.True(await saring.IsVisibleAsync());
        var filter = await page.Locator("#saring .facet a").First.GetAttributeAsync("href");
        Assert.EndsWith("#hasil", filter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductPage_OnAPhone_ShowsTheFirstMarketplaceButtonOnTheFirstScreen()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        await page.GotoAsync(await ProductWithMarketplacesAsync(page));

        var button = page.Locator(".buy-links a").First;
        var box = await button.BoundingBoxAsync();
        Assert.True(box is { } b && b.Y + b.Height <= ScreenHeight, $"the first buy button ends at {box?.Y + box?.Height} px");
        Assert.Equal("_blank", await button.GetAttributeAsync("target"));
        Assert.Contains("kamu akan ke", await button.InnerTextAsync(), StringComparison.Ordinal);
        var price = await page.Locator(".product-info .price").BoundingBoxAsync();
        Assert.True(price is { Y: < ScreenHeight });
        await AssertFitsAsync(page, 390);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
    }

    [Theory]
    [InlineData(390)]
    [InlineData(360)]
    public async Task MainPages_DoNotScrollSideways_AndHaveNoSeriousAccessibilityProblems(int width)
    {
        await using var phone = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = ScreenHeight },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        var product = await ProductWithMarketplacesAsync(page);

        foreach (var path in (await MainPagesAccessibilityTests.MainPagesAsync(site)).Append(product))
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            await AssertFitsAsync(page, width, path);
            if (width == 390)
            {
                var problems = await site.SeriousAccessibilityProblemsAsync(page);
                Assert.True(problems.Count == 0, $"{path}: {string.Join("; ", problems)}");
            }
        }
    }

    [Fact]
    public async Task OwnerDashboard_AtThreeHundredSixtyPixels_ScrollsItsTableInsideItsOwnFocusableBox()
    {
        await using var phone = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = ScreenHeight },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await phone.NewPageAsync();
        await MainPagesAccessibilityTests.LogInAsDemoOwnerAsync(page);

        await page.GotoAsync("/dasbor");

        await AssertFitsAsync(page, 360, "/dasbor");
        var tables = page.Locator("main table");
        Assert.True(await tables.CountAsync() > 0);
        foreach (var table in await tables.AllAsync())
        {
            var box = table.Locator("xpath=..");
            Assert.Equal("0", await box.GetAttributeAsync("tabindex"));
            Assert.Equal("region", await box.GetAttributeAsync("role"));
            Assert.Contains(await box.EvaluateAsync<string>("b => getComputedStyle(b).overflowX"), new[] { "auto", "scroll" });
            var edge = await box.EvaluateAsync<double>("b => b.getBoundingClientRect().right");
            Assert.True(edge <= 360, $"the table's box ends at {edge} px");
        }
    }

    [Fact]
    public async Task MainMenu_AtThreeHundredSixtyPixels_ShowsEveryLink()
    {
        await using var phone = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = ScreenHeight },
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/");

        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Navigasi utama" }).GetByRole(AriaRole.Link);
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            var box = await links.Nth(i).BoundingBoxAsync();
            Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 360, $"menu link {i} at {box?.X}+{box?.Width} px");
        }
    }

    [Fact]
    public async Task FooterLinks_OnAPhone_AreAtLeastTwentyFourPixelsSquare()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/");

        var links = page.Locator(".site-footer a");
        Assert.True(await links.CountAsync() >= 10);
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            var box = await links.Nth(i).BoundingBoxAsync();
            var name = await links.Nth(i).InnerTextAsync();
            Assert.True(box is { Width: >= 24, Height: >= 24 }, $"footer link {name} is {box?.Width}×{box?.Height} px");
        }
    }

    [Fact]
    public async Task NewsLines_OnAPhone_NeverStartWithASeparator()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/berita");
        var post = await page.Locator("main .post-list h2 a").First.GetAttributeAsync("href");

        // As the reader sees them: innerText breaks lines where the layout does.
        var lines = new List<string>();
        foreach (var meta in await page.Locator("main .post-list p.muted").AllAsync())
        {
            lines.AddRange((await meta.InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }
        await page.GotoAsync(post!);
        lines.AddRange((await page.Locator("main .byline").InnerTextAsync()).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

        Assert.True(lines.Count > 3);
        Assert.All(lines, line => Assert.False(line.StartsWith('·'), $"a line starts with a separator: {line}"));
    }

    /// A coffee product that is sold on a marketplace (the demo data has many).
    private static async Task<string> ProductWithMarketplacesAsync(IPage page)
    {
        await page.GotoAsync("/produk?q=kopi");
        var links = page.Locator(".results .product-card h3 a");
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            var href = (await links.Nth(i).GetAttributeAsync("href"))!;
            await page.GotoAsync(href);
            if (await page.Locator(".buy-links a[href^='/keluar/']").CountAsync() > 0)
            {
                return href;
            }
            await page.GotoAsync("/produk?q=kopi");
        }
        throw new InvalidOperationException("no coffee product with a marketplace link in the demo data");
    }

    private static async Task AssertFitsAsync(IPage page, int width, string? path = null)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > width)
        {
            // Names what sticks out, for the failure message.
            var wide = await page.EvaluateAsync<string[]>($$"""
                () => [...document.body.querySelectorAll('*')]
                    .filter(e => e.getBoundingClientRect().right > {{width}})
                    .slice(-5).map(e => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
                """);
            Assert.Fail($"{path ?? page.Url} is {scrollWidth} px wide on a {width}-px screen: {string.Join(", ", wide)}");
        }
    }
}
