using System.Net;

namespace LocalProducts.IntegrationTests.Pages;

public sealed class LanguageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task LanguageLink_SwitchesTheSiteToEnglish_AndReturnsToThePage()
    {
        using var client = site.CreateClient();
        var products = await SiteFixture.ParseAsync(await client.GetAsync("/produk?q=kopi"));
        var link = products.QuerySelector("a.lang-switch")!.GetAttribute("href")!;

        using var switched = await client.GetAsync(link);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/produk?q=kopi", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB", StringComparison.Ordinal));
        // The client keeps cookies, as a browser does; cached Indonesian pages are not served to it.
        var page = await SiteFixture.ParseAsync(await client.GetAsync("/produk?q=kopi"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Products", "Makers", "Campaigns", "News", "Events", "Melokal"], page.QuerySelectorAll(".main-nav a").Select(a => a.TextContent.Trim()));
        var back = page.QuerySelector("a.lang-switch")!;
        Assert.Equal("Bahasa Indonesia", back.TextContent.Trim());
    }

    [Fact]
    public async Task LanguageLink_WithForeignReturnAddress_StaysOnTheSite()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/bahasa?ke=en&kembali=https%3A%2F%2Fevil.example%2F");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
