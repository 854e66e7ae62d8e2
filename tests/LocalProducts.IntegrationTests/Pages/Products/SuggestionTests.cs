using System.Net;
using System.Text.Json;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// GET /api/v1/saran, the search box's suggestions, on the demo data.
public sealed class SuggestionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private sealed record Item(string Kind, string Label, string Url);

    [Fact]
    public async Task Ko_SuggestsCoffeeWordAndCategory()
    {
        var items = await SuggestAsync("ko");

        Assert.InRange(items.Count, 1, 8);
        Assert.Contains(items, i => i is { Kind: "kata", Label: "kopi", Url: "/produk?q=kopi" });
        Assert.Contains(items, i => i is { Kind: "kategori", Label: "Kopi", Url: "/produk?kategori=kopi" });
    }

    [Fact]
    public async Task Typo_Batk_StillSuggestsBatik()
    {
        var items = await SuggestAsync("batk");

        Assert.Contains(items, i => i is { Kind: "kata", Label: "batik", Url: "/produk?q=batik" });
    }

    [Fact]
    public async Task Phrase_CompletesTheLastWord()
    {
        var items = await SuggestAsync("kopi ara");

        Assert.Contains(items, i => i.Kind == "kata" && i.Label == "kopi arabika" && i.Url == "/produk?q=kopi%20arabika");
    }

    [Fact]
    public async Task CategoryMakerAndProduct_AppearWithTheirAddresses()
    {
        // Names of letters and spaces, typed whole.
        var (makerName, makerSlug) = (await PortalData.ReadAsync(site, db => db.Ikms
            .Where(i => i.Verification == VerificationState.Verified && i.Products.Any(p => p.State == ProductState.Published))
            .OrderBy(i => i.Id).Select(i => new { i.Name, i.Slug }).ToListAsync()))
            .Where(i => i.Name.All(c => char.IsAsciiLetter(c) || c == ' ')).Select(i => (i.Name, i.Slug)).First();
        var (productName, productSlug) = (await PortalData.ReadAsync(site, db => db.Products
            .Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => new { p.Name, p.Slug }).ToListAsync()))
            .Where(p => p.Name.All(c => char.IsAsciiLetter(c) || c == ' ')).Select(p => (p.Name, p.Slug)).First();

        var categories = await SuggestAsync("bati");
        var makers = await SuggestAsync(makerName);
        var products = await SuggestAsync(productName);

        Assert.Contains(categories, i => i is { Kind: "kategori", Label: "Batik", Url: "/produk?kategori=batik" });
        Assert.Contains(makers, i => i.Kind == "ikm" && i.Label == makerName && i.Url == $"/ikm/{makerSlug}");
        Assert.Contains(products, i => i.Kind == "produk" && i.Label == productName && i.Url == $"/produk/{productSlug}");
    }

    [Fact]
    public async Task EnglishCategoryName_IsFound()
    {
        var items = await SuggestAsync("coff");

        Assert.Contains(items, i => i is { Kind: "kategori", Url: "/produk?kategori=kopi" });
    }

    [Fact]
    public async Task UnpublishedProducts_AreNeverSuggested()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var word = PortalData.NewWord();
        await PortalData.CreateProductAsync(site, ikmId, ProductState.PendingReview, $"Kopi {word} Menunggu");
        await PortalData.CreateProductAsync(site, ikmId, ProductState.Hidden, $"Kopi {word} Disembunyikan");
        await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, $"Kopi {word} Terbit");

        var items = await SuggestAsync(word);

        Assert.Equal([$"Kopi {word} Terbit"], items.Where(i => i.Kind == "produk").Select(i => i.Label));
    }

    [Fact]
    public async Task NamesStartingWithTheText_ComeFirst_AndOnlyPublishedAndVerified()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var word = PortalData.NewWord();
        await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, $"Tas {word} Tengah");
        await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, $"{word} Awal");
        await PortalData.CreateProductAsync(site, ikmId, ProductState.Hidden, $"{word} Disembunyikan");
        var other = await PortalData.CreateOwnerAsync(site);
        await PortalData.CreateIkmAsync(site, other.Id, VerificationState.Pending, name: $"{word} Belum Diverifikasi");

        var items = await SuggestAsync(word);

        // The name that starts with the text first, then the one with a later word starting so.
        Assert.Equal([$"{word} Awal", $"Tas {word} Tengah"], items.Where(i => i.Kind == "produk").Select(i => i.Label));
        Assert.DoesNotContain(items, i => i.Label.Contains("Belum", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("k")]
    [InlineData(" k ")]
    [InlineData("--")]
    public async Task FewerThanTwoLetters_IsAnEmptyList(string q)
    {
        Assert.Empty(await SuggestAsync(q));
    }

    [Fact]
    public async Task TwoHundredCharacters_IsAnEmptyList()
    {
        Assert.Empty(await SuggestAsync(new string('k', 200)));
    }

    [Theory]
    [InlineData("ko'; DROP TABLE products; --")]
    [InlineData("ko%")]
    [InlineData("k_p")]
    [InlineData("kopi:* | !batik")]
    [InlineData("ko\\")]
    [InlineData("(ko) & <b>")]
    [InlineData("كوبي")]
    public async Task SqlishInput_AnswersSafely(string q)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/api/v1/saran?q=" + Uri.EscapeDataString(q));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("items").ValueKind);
        Assert.True(await PortalData.ReadAsync(site, db => db.Products.AnyAsync()));
    }

    [Fact]
    public async Task NulCharacter_IsRefusedWithoutAServerError()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/api/v1/saran?q=ko%00");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode}");
    }

    private async Task<List<Item>> SuggestAsync(string q)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync("/api/v1/saran?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => new Item(i.GetProperty("kind").GetString()!, i.GetProperty("label").GetString()!, i.GetProperty("url").GetString()!))
            .ToList();
    }
}
