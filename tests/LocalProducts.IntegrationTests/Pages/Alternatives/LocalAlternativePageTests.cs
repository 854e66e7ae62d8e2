using System.Net;
using AngleSharp.Dom;

namespace LocalProducts.IntegrationTests.Pages.Alternatives;

/// /alternatif-lokal answers a brand or product word with local products, and /produk offers them
/// when a search names a mapped brand. The mappings are the seed file's (seeds/reference/search).
public sealed class LocalAlternativePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Get_Starbucks_ShowsTheReason_TheCategories_AndCoffeeBestFirst_WithWhyEachMatches()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/alternatif-lokal?q=Starbucks");

        Assert.Equal("Alternatif lokal untuk Starbucks", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Kopi biji dan bubuk dari kebun Indonesia", page.QuerySelector(".alternative-reason")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector(".alternative-categories a[href='/produk?kategori=kopi']"));
        var products = page.QuerySelectorAll(".alternative-product");
        Assert.InRange(products.Length, 3, 12);
        var first = products[0];
        Assert.StartsWith("/produk/", first.QuerySelector("h3 a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("kopi", first.QuerySelector("h3 a")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var why = first.QuerySelector(".alternative-why")!.TextContent;
        Assert.Contains("Kategori Kopi", why, StringComparison.Ordinal);
        Assert.Contains("cocok dengan kata: kopi arabika", why, StringComparison.Ordinal);
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name='robots']")!.GetAttribute("content"));
    }

    [Theory]
    [InlineData("sepatu nike murah", "Nike")]
    [InlineData("SERUM KOREA", "serum korea")]
    [InlineData("sbux", "Starbucks")]
    public async Task Get_AQueryNamingAMappedTerm_AnswersForThatTerm(string query, string term)
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/alternatif-lokal?q=" + Uri.EscapeDataString(query));

        Assert.Equal($"Alternatif lokal untuk {term}", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll(".alternative-product"));
    }

    [Fact]
    public async Task Get_AnUnknownTerm_SaysSo_LinksToTheCatalogueSearch_AndOffersExamples()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/alternatif-lokal?q=merek%20tak%20dikenal");

        Assert.Contains("Belum ada alternatif lokal untuk \"merek tak dikenal\"", page.QuerySelector("[data-alternative='unknown']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/produk?q=merek%20tak%20dikenal']"));
        var examples = page.QuerySelectorAll(".alternative-examples a");
        Assert.InRange(examples.Length, 3, 8);
        Assert.Contains(examples, a => a.GetAttribute("href") == "/alternatif-lokal?q=Starbucks");
        Assert.Empty(page.QuerySelectorAll(".alternative-product"));
    }

    [Fact]
    public async Task Get_WithoutWords_ShowsTheFormWithALabel_AndExamples()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/alternatif-lokal");

        Assert.Equal("Cari alternatif lokal", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("alternatif-q", page.QuerySelector("form[action='/alternatif-lokal'] label")!.GetAttribute("for"));
        Assert.Equal("get", page.QuerySelector("form[action='/alternatif-lokal']")!.GetAttribute("method"));
        Assert.NotEmpty(page.QuerySelectorAll(".alternative-examples a"));
        Assert.Null(page.QuerySelector("meta[name='robots']"));
    }

    [Theory]
    [InlineData(101)]
    [InlineData(5000)]
    public async Task Get_TooLongInput_SaysSoClearly_NotA500(int length)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/alternatif-lokal?q=" + new string('a', length));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("terlalu panjang", page.QuerySelector("[data-alternative='too-long']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(100, page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#alternatif-q")!.Value.Length);
    }

    [Fact]
    public async Task Get_InEnglish_TranslatesTheInterface_NotTheReason()
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-GB%7Cuic%3Den-GB");

        var page = await client.GetPageAsync("/alternatif-lokal?q=starbucks");

        Assert.Equal("Local alternatives to Starbucks", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("id", page.QuerySelector(".alternative-reason")!.GetAttribute("lang"));
        Assert.Contains("matches the words: kopi arabika", page.QuerySelector(".alternative-why")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("starbucks", "Starbucks")]
    [InlineData("sepatu nike", "Nike")]
    public async Task Get_ProductSearch_NamingAMappedBrand_ShowsTheBoxOnTop_WithALinkAndAFewProducts(string query, string term)
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/produk?q=" + Uri.EscapeDataString(query));

        var box = page.QuerySelector("aside.alternative-box")!;
        Assert.Equal($"Alternatif lokal untuk {term}", box.QuerySelector("h2")!.TextContent.Trim());
        Assert.InRange(box.QuerySelectorAll(".alternative-box-products a[href^='/produk/']").Length, 2, 3);
        Assert.NotNull(box.QuerySelector($"a[href='/alternatif-lokal?q={Uri.EscapeDataString(term)}']"));
        // The box comes before the results.
        Assert.True(box.CompareDocumentPosition(page.QuerySelector(".results-head")!).HasFlag(DocumentPositions.Following));
    }

    [Theory]
    [InlineData("kopi")]
    [InlineData("nikel")]
    [InlineData("")]
    public async Task Get_ProductSearch_NamingNoMappedTerm_HasNoBox(string query)
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/produk?q=" + query);

        Assert.Null(page.QuerySelector("aside.alternative-box"));
    }
}
