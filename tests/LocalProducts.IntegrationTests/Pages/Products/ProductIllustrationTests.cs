using System.Net;
using AngleSharp.Dom;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// Demo products have no photos: their cards and pages show a drawing of their own kind, and say
/// in the alt text and a corner label that it is an example, not the product.
public sealed class ProductIllustrationTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string KeyRing = "gantungan-kunci-kulit-pahat-nama-sukaregang";
    private const string Tray = "nampan-saji-jati-ukir-tepi-sekar-tahunan";

    [Fact]
    public async Task ProductPage_WithoutPhoto_ShowsItsKindsDrawing_MarkedAsAnExample()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{KeyRing}");

        var picture = page.QuerySelector(".product-media .illustration img")!;
        Assert.Equal("/img/ilustrasi/gantungan-kunci.svg", picture.GetAttribute("src"));
        Assert.Equal("Ilustrasi gantungan kunci — contoh, bukan foto produk", picture.GetAttribute("alt"));
        Assert.Equal(("400", "300"), (picture.GetAttribute("width"), picture.GetAttribute("height")));
        var mark = page.QuerySelector(".product-media .illustration-mark")!;
        Assert.Equal("Ilustrasi", mark.TextContent.Trim());
        Assert.Equal("true", mark.GetAttribute("aria-hidden"));
        Assert.Contains("/img/ilustrasi/gantungan-kunci.svg", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gantungan kunci", KeyRing, "gantungan-kunci", "gantungan kunci")]
    [InlineData("nampan", Tray, "nampan", "nampan")]
    public async Task SearchCard_WithoutPhoto_ShowsItsKindsDrawing_NotTheCategorys(string query, string slug, string drawing, string kind)
    {
        using var client = site.CreateClient();

        var card = Card(await client.GetPageAsync($"/produk?q={Uri.EscapeDataString(query)}"), slug);

        var picture = card.QuerySelector(".illustration img")!;
        Assert.Equal($"/img/ilustrasi/{drawing}.svg", picture.GetAttribute("src"));
        Assert.Equal($"Ilustrasi {kind} — contoh, bukan foto produk", picture.GetAttribute("alt"));
        Assert.Equal("lazy", picture.GetAttribute("loading"));
        Assert.Equal(("400", "300"), (picture.GetAttribute("width"), picture.GetAttribute("height")));
        Assert.Equal("Ilustrasi", card.QuerySelector(".illustration-mark")!.TextContent.Trim());
    }

    [Fact]
    public async Task EnglishPages_SayIllustrationInEnglish()
    {
        using var client = site.CreateClient();
        using var switched = await client.GetAsync("/bahasa?ke=en&kembali=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var page = await client.GetPageAsync($"/produk/{Tray}");

        Assert.Equal("Illustration of tray — example, not a photo of the product", page.QuerySelector(".product-media .illustration img")!.GetAttribute("alt"));
        Assert.Equal("Illustration", page.QuerySelector(".product-media .illustration-mark")!.TextContent.Trim());
    }

    [Fact]
    public async Task Drawings_AreStaticFiles_CachedAsTheCategoryDrawingsAre()
    {
        using var client = site.CreateClient();

        using var drawing = await client.GetAsync("/img/ilustrasi/gantungan-kunci.svg");
        using var category = await client.GetAsync("/img/kategori/kerajinan-kulit.svg");

        Assert.Equal(HttpStatusCode.OK, drawing.StatusCode);
        Assert.Equal("image/svg+xml", drawing.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(drawing.Headers.ETag);
        // The build's static asset manifest gives both folders the same headers (max-age=3600 outside development).
        Assert.Equal(category.Headers.CacheControl?.ToString(), drawing.Headers.CacheControl?.ToString());
    }

    private static IElement Card(IParentNode page, string slug)
    {
        var link = page.QuerySelectorAll(".product-card h3 a").FirstOrDefault(a => a.GetAttribute("href") == $"/produk/{slug}");
        Assert.True(link is not null, $"a card for {slug}");
        return link.Closest(".product-card")!;
    }
}
