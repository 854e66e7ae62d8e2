using System.Net;

namespace LocalProducts.IntegrationTests.Pages;

[Collection(SiteTestGroup.Name)]
public sealed class LanguageTests(SiteFixture site)
{
    [Fact]
    public async Task Post_Language_English_SwitchesTheSite_AndReturnsToThePage()
    {
        using var client = site.CreateClient();
        var home = await SiteFixture.ParseAsync(await client.GetAsync("/produk"));
        var form = home.QuerySelector("form.lang-switch")!;
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["bahasa"] = form.QuerySelector("button[name=bahasa]")!.GetAttribute("value")!;
        Assert.Equal("en", fields["bahasa"]);
        using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(fields) };
        using var switched = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/produk", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den-GB", StringComparison.Ordinal));
        // The client keeps cookies, as a browser does.
        var page = await SiteFixture.ParseAsync(await client.GetAsync("/produk"));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(["Products", "Makers", "Campaigns", "News"], page.QuerySelectorAll(".main-nav a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Post_Language_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = site.CreateClient();

        using var response = await client.PostAsync("/bahasa", new FormUrlEncodedContent(new Dictionary<string, string> { ["bahasa"] = "en", ["kembali"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Post_Language_WithForeignReturnAddress_StaysOnTheSite()
    {
        using var client = site.CreateClient();
        var home = await SiteFixture.ParseAsync(await client.GetAsync("/"));
        var token = home.QuerySelector("form.lang-switch input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/bahasa")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["bahasa"] = "en", ["kembali"] = "https://evil.example/", ["__RequestVerificationToken"] = token }),
        };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
