using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

/// The official line in the header and the trust pages on the narrowest common phone (360 px).
[Collection(BrowserTestGroup.Name)]
public sealed class TrustPagesTests(BrowserFixture site)
{
    private const int PhoneWidth = 360;

    [Theory]
    [InlineData("/")]
    [InlineData("/tentang")]
    [InlineData("/kontak")]
    [InlineData("/privasi")]
    [InlineData("/syarat")]
    public async Task TrustPage_OnA360PixelPhone_FitsAndHasNoSeriousAccessibilityProblems(string path)
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = 780 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"{path} is {width} px wide on a {PhoneWidth} px phone");
        await Assertions.Expect(page.Locator(".site-header .official-line")).ToBeVisibleAsync();
        var problems = await site.SeriousAccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
