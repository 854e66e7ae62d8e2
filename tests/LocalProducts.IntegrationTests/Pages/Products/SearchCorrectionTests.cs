using System.Net;
using AngleSharp.Html.Dom;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// Typo correction on the demo data: a real Indonesian word or a place name is never replaced by
/// another catalogue word; a word that is not a word and is one letter off a common one is.
public sealed class SearchCorrectionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("sepatu", "satu")]
    [InlineData("keripik", "kering")]
    [InlineData("kripik", "kriya")]
    [InlineData("madura", "madu")]
    [InlineData("lampit", "lampu")]
    public async Task AWordWithoutMatches_IsNotCorrectedToAnotherWord(string typed, string wrong)
    {
        var page = await SearchAsync(typed);

        Assert.DoesNotContain(page.QuerySelectorAll(".note"), n => n.TextContent.Contains("Menampilkan hasil", StringComparison.Ordinal));
        Assert.DoesNotContain(page.QuerySelectorAll(".note, .suggestion"), n => n.TextContent.Contains(wrong, StringComparison.Ordinal));
        if (Slugs(page).Count == 0)
        {
            Assert.Contains(page.QuerySelectorAll(".empty .unmatched-word"),
                p => p.TextContent.Contains($"Tidak ada produk yang cocok dengan kata \"{typed}\"", StringComparison.Ordinal));
            Assert.NotEmpty(page.QuerySelectorAll(".empty .suggested-categories a[href^='/produk?kategori=']"));
        }
    }

    [Theory]
    [InlineData("kopii", "kopi")]
    [InlineData("batk", "batik")]
    public async Task ATypo_IsStillCorrected(string typed, string meant)
    {
        var page = await SearchAsync(typed);
        if (typed == "batk")
        {
            Assert.Contains(page.QuerySelectorAll(".note"), n => n.TextContent.Contains("Menampilkan hasil untuk \"batik\"", StringComparison.Ordinal));
        }

        // "kopii" stems to the index's own stem of "kopi" and is found as typed; "batk" needs the correction.
        Assert.NotEmpty(Slugs(page));
        Assert.All(page.QuerySelectorAll(".note").Where(n => n.TextContent.Contains("Menampilkan hasil", StringComparison.Ordinal)),
            n => Assert.Contains($"Menampilkan hasil untuk \"{meant}\"", n.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMultiWordQuery_WithoutResults_ShowsTheWordsThatMatched()
    {
        var page = await SearchAsync("kopi sepatu");

        Assert.Empty(Slugs(page));
        Assert.DoesNotContain(page.QuerySelectorAll(".note"), n => n.TextContent.Contains("Menampilkan hasil", StringComparison.Ordinal));
        var unmatched = page.QuerySelectorAll(".empty .unmatched-word").Select(p => p.TextContent).ToList();
        Assert.Single(unmatched);
        Assert.Contains("\"sepatu\"", unmatched[0], StringComparison.Ordinal);
        var matched = Assert.Single(page.QuerySelectorAll(".empty a.matched-word"));
        Assert.Contains("q=kopi", matched.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.DoesNotContain("sepatu", matched.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.NotEmpty(await SearchSlugsAsync(matched.GetAttribute("href")!));
    }

    private async Task<IHtmlDocument> SearchAsync(string q) => await GetAsync($"/produk?q={Uri.EscapeDataString(q)}");

    private async Task<List<string>> SearchSlugsAsync(string path) => Slugs(await GetAsync(path));

    private async Task<IHtmlDocument> GetAsync(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SiteFixture.ParseAsync(response);
    }

    private static List<string> Slugs(IHtmlDocument page) =>
        page.QuerySelectorAll(".results .product-card h3 a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();
}
