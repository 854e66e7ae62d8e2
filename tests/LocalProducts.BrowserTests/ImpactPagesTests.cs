using System.Globalization;
using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

/// The campaign impact page and the e-Smart IKM page on a phone, with the demo data: every chart
/// is drawn, carries its text alternative and its table, nothing scrolls sideways, and axe-core
/// finds nothing serious.
[Collection(BrowserTestGroup.Name)]
public sealed class ImpactPagesTests(BrowserFixture site)
{
    private const int PhoneWidth = 390;

    [Fact]
    public async Task CoffeeImpactPage_OnAPhone_DrawsItsChartsWithTextAndTables()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        var response = await page.GotoAsync("/kampanye/satu-dalam-kopi/dampak");

        Assert.Equal(200, response!.Status);
        // The headline ("+57 %" kind) is on the first screen.
        var headline = page.Locator(".impact-figure").First;
        Assert.Matches(@"^[+−-]\d", (await headline.InnerTextAsync()).Trim());
        var box = await headline.BoundingBoxAsync();
        Assert.True(box is { Y: < 844 }, $"the first figure starts at {box?.Y} px");

        var charts = page.Locator("figure.chart");
        Assert.True(await charts.CountAsync() >= 2, "the page draws the monthly and the category charts");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            await AssertChartHasItsAlternativesAsync(charts.Nth(i));
        }
        // A control category with fewer than 5 IKM is withheld, and said so, never as a number.
        Assert.Contains("Disembunyikan", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Every chart's data downloads as CSV.
        var csv = await page.Locator("figure.chart a[href$='.csv']").First.GetAttributeAsync("href");
        var download = await phone.APIRequest.GetAsync(csv!);
        Assert.Equal(200, download.Status);
        Assert.StartsWith("text/csv", download.Headers["content-type"], StringComparison.Ordinal);

        await AssertFitsThePhoneAsync(page);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
    }

    [Fact]
    public async Task ESmartPage_OnAPhone_ShowsLiveFiguresAndTheProvinceMapWithItsTable()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        var response = await page.GotoAsync("/e-smart-ikm");

        Assert.Equal(200, response!.Status);
        var trained = int.Parse((await page.Locator("[data-figure=trained]").InnerTextAsync()).Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Assert.InRange(trained, 11_000, 11_167);

        var map = page.Locator("figure.tile-map svg[role=img]");
        await Assertions.Expect(map).ToBeVisibleAsync();
        Assert.NotEmpty((await map.Locator("desc").TextContentAsync())!.Trim());
        Assert.True(await map.Locator("g[data-province]").CountAsync() >= 38, "every province has its tile");
        // The same figures as a table, one row per province.
        await page.GetByText("Tabel per provinsi").ClickAsync();
        await Assertions.Expect(page.Locator("#tabel-provinsi")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#tabel-provinsi tbody tr").CountAsync() >= 38);

        var charts = page.Locator("figure.chart");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            await AssertChartHasItsAlternativesAsync(charts.Nth(i));
        }

        await AssertFitsThePhoneAsync(page);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
    }

    /// The SVG is visible and named by its title and summary; the summary is text on the page;
    /// the table of its numbers opens and has rows.
    private static async Task AssertChartHasItsAlternativesAsync(ILocator chart)
    {
        var svg = chart.Locator("svg[role=img]");
        await Assertions.Expect(svg).ToBeVisibleAsync();
        var box = await svg.BoundingBoxAsync();
        Assert.True(box is { Width: > 200 and <= PhoneWidth, Height: > 100 }, $"chart drawn at {box?.Width}×{box?.Height}");
        // Named by its <title>, described by its <desc> (the summary).
        string[] ids = [.. (await svg.GetAttributeAsync("aria-labelledby") + " " + await svg.GetAttributeAsync("aria-describedby")).Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        Assert.Equal(2, ids.Length);
        foreach (var id in ids)
        {
            Assert.NotEmpty((await svg.Locator($"[id='{id}']").TextContentAsync())!.Trim());
        }
        Assert.NotEmpty((await chart.Locator(".chart-summary").InnerTextAsync()).Trim());

        await chart.Locator("details > summary").ClickAsync();
        var table = chart.Locator("details table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        Assert.True(await table.Locator("tbody tr").CountAsync() > 0);
    }

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= PhoneWidth, $"the page is {width} px wide on a {PhoneWidth} px phone");
    }
}
