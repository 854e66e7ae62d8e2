using System.Net;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// The catalogue search on the demo data, through the page, as a shopper gets it.
public sealed class ProductSearchTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Search_UnderstandsIndonesianStemming_PenjualanFindsDijual()
    {
        var stemmed = await SearchAsync("/produk?q=penjualan");
        var plain = await SearchAsync("/produk?q=dijual");

        Assert.NotEmpty(stemmed.Slugs);
        Assert.Equal(plain.Slugs.Order(), stemmed.Slugs.Order());
    }

    [Fact]
    public async Task Search_RanksNameMatchesFirst()
    {
        var result = await SearchAsync("/produk?q=keranjang");
        var products = await ProductsAsync(result.Slugs);

        Assert.Contains("keranjang", products[result.Slugs[0]].Name, StringComparison.OrdinalIgnoreCase);
        var firstWithoutNameMatch = result.Slugs.FindIndex(s => !products[s].Name.Contains("keranjang", StringComparison.OrdinalIgnoreCase));
        var lastWithNameMatch = result.Slugs.FindLastIndex(s => products[s].Name.Contains("keranjang", StringComparison.OrdinalIgnoreCase));
        Assert.True(firstWithoutNameMatch == -1 || firstWithoutNameMatch > lastWithNameMatch, "Name matches come before description matches.");
    }

    [Fact]
    public async Task Search_ProtectedWords_KemejaIsNotMeja()
    {
        var shirts = await ProductsAsync((await SearchAsync("/produk?q=kemeja")).Slugs);
        var tables = await ProductsAsync((await SearchAsync("/produk?q=meja")).Slugs);

        Assert.NotEmpty(shirts);
        Assert.NotEmpty(tables);
        Assert.All(shirts.Values, p => Assert.Contains("kemeja", $"{p.Name} {p.Description}", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(tables.Values, p => p.Name.Contains("kemeja", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("kopi gayoo", "gayo")]
    [InlineData("ecoprin", "ecoprint")]
    [InlineData("tenunn sumba", "tenun")]
    public async Task Search_ToleratesTyposAndPartialWords(string typed, string meant)
    {
        var result = await SearchAsync($"/produk?q={Uri.EscapeDataString(typed)}");
        var products = await ProductsAsync(result.Slugs);

        Assert.NotEmpty(products);
        Assert.Contains(result.Page.QuerySelectorAll(".note"), n => n.TextContent.Contains(meant, StringComparison.Ordinal));
        Assert.All(products.Values, p => Assert.Contains(meant, $"{p.Name} {p.Description} {p.IkmName} {p.Category}", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Search_MatchesTheMakersNameAndRegion()
    {
        var maker = await QueryAsync(db => db.Ikms.AsNoTracking().Where(i => i.Verification == VerificationState.Verified)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Name, Products = i.Products.Count(p => p.State == ProductState.Published) }).FirstAsync());
        var byMaker = await SearchAsync($"/produk?q={Uri.EscapeDataString(maker.Name)}");
        var products = await ProductsAsync(byMaker.Slugs);
        Assert.Equal(maker.Products, products.Values.Count(p => p.IkmId == maker.Id));

        var byRegion = await ProductsAsync((await SearchAsync("/produk?q=kopi%20aceh")).Slugs);
        Assert.NotEmpty(byRegion);
        Assert.All(byRegion.Values, p => Assert.Equal("11", p.ProvinceCode));
    }

    [Fact]
    public async Task Search_NothingFound_SaysSo_AndSuggests()
    {
        var result = await SearchAsync("/produk?q=kopii%20xqzwv");

        Assert.Empty(result.Slugs);
        Assert.NotNull(result.Page.QuerySelector(".empty"));
        Assert.NotEmpty(result.Page.QuerySelectorAll(".empty .suggested-categories a"));
    }

    [Fact]
    public async Task Filters_EachAndCombined_OnlyReturnMatchingProducts()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var combined = await ProductsAsync((await SearchAsync("/produk?kategori=makanan-minuman&provinsi=aceh&harga_min=50000&harga_maks=150000")).Slugs);
        Assert.NotEmpty(combined);
        Assert.All(combined.Values, p =>
        {
            Assert.Equal("makanan-minuman", p.ParentCategory);
            Assert.Equal("11", p.ProvinceCode);
            Assert.InRange(p.PriceMin, 50_000, 150_000);
        });

        var halal = await SearchAsync("/produk?sertifikasi=halal");
        var expectedHalal = await QueryAsync(db => db.Products.CountAsync(p => p.State == ProductState.Published
            && p.Certifications.Any(c => c.Kind == CertificationKind.Halal && (c.ExpiresOn == null || c.ExpiresOn >= today))));
        Assert.Equal(expectedHalal, halal.Total);

        var pdn = await ProductsAsync((await SearchAsync("/produk?sertifikasi=pdn")).Slugs);
        Assert.NotEmpty(pdn);
        Assert.All(pdn.Values, p => Assert.True(p.QualifiesForPdn(today)));
    }

    [Fact]
    public async Task Filters_RegencyNarrowsTheProvince()
    {
        var regency = await QueryAsync(db => db.Ikms.Where(i => i.Verification == VerificationState.Verified)
            .Select(i => i.RegencyCode).FirstAsync());

        var products = await ProductsAsync((await SearchAsync($"/produk?kota={regency}")).Slugs);

        Assert.NotEmpty(products);
        Assert.All(products.Values, p => Assert.Equal(regency, p.RegencyCode));
    }

    [Fact]
    public async Task Facets_CountWhatTheirLinksFind()
    {
        var result = await SearchAsync("/produk?q=kopi");
        var categoryTotal = result.FacetCounts("Kategori").Sum(f => f.Count);
        var provinceTotal = result.FacetCounts("Provinsi").Sum(f => f.Count);

        Assert.Equal(result.Total, categoryTotal);
        Assert.Equal(result.Total, provinceTotal);
        foreach (var facet in result.FacetCounts("Provinsi").Take(3).Concat(result.FacetCounts("Sertifikasi")))
        {
            var followed = await SearchAsync(facet.Url);
            Assert.Equal(facet.Count, followed.Total);
        }
    }

    [Fact]
    public async Task Paging_IsStable_AndPastTheEndShowsTheLastPage()
    {
        var first = await SearchAsync("/produk");
        var second = await SearchAsync("/produk?halaman=2");
        var again = await SearchAsync("/produk");
        var pastEnd = await SearchAsync("/produk?halaman=500");

        Assert.Equal(ProductSearch.PageSize, first.Slugs.Count);
        Assert.Equal(first.Slugs, again.Slugs);
        Assert.Empty(first.Slugs.Intersect(second.Slugs));
        Assert.NotEmpty(pastEnd.Slugs);
        Assert.NotNull(pastEnd.Page.QuerySelector(".note"));
        Assert.Null(pastEnd.Page.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Sorting_ByPrice_IsOrdered()
    {
        var cheapest = await ProductsAsync((await SearchAsync("/produk?q=kopi&urut=termurah")).Slugs);
        var slugs = (await SearchAsync("/produk?q=kopi&urut=termurah")).Slugs;

        var prices = slugs.Select(s => cheapest[s].PriceMin).ToList();
        Assert.Equal(prices.Order(), prices);
    }

    [Fact]
    public async Task Chips_RemoveOneFilterEach()
    {
        var result = await SearchAsync("/produk?q=kopi&provinsi=aceh&sertifikasi=halal");
        var chips = result.Page.QuerySelectorAll(".chips a:not(.chip-clear)").Cast<IHtmlAnchorElement>().ToList();

        Assert.Equal(3, chips.Count);
        Assert.DoesNotContain("provinsi", chips[1].GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Contains("q=kopi", chips[1].GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/produk?harga_min=-5")]
    [InlineData("/produk?harga_min=abc&harga_maks=12x")]
    [InlineData("/produk?sertifikasi=bogus,halal")]
    [InlineData("/produk?urut=%3Cscript%3E")]
    [InlineData("/produk?provinsi=%27%20OR%201%3D1")]
    [InlineData("/produk?kota=99.99")]
    [InlineData("/produk?q=%22%27%26%7C%21%3A*()")]
    public async Task BadInput_GetsANormalPage_WithANote(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".result-count"));
    }

    [Fact]
    public async Task BadInput_SwappedPrices_AreSwappedWithANote()
    {
        var result = await SearchAsync("/produk?harga_min=150000&harga_maks=50000");
        var products = await ProductsAsync(result.Slugs);

        Assert.Contains(result.Page.QuerySelectorAll(".note"), n => n.TextContent.Contains("ditukar", StringComparison.Ordinal));
        Assert.All(products.Values, p => Assert.InRange(p.PriceMin, 50_000, 150_000));
    }

    private sealed record SearchPage(IHtmlDocument Page, List<string> Slugs, int Total)
    {
        public List<(string Label, int Count, string Url)> FacetCounts(string title) =>
            Page.QuerySelectorAll(".facet")
                .Where(f => f.QuerySelector("h2")!.TextContent.Trim() == title)
                .SelectMany(f => f.QuerySelectorAll("a"))
                .Select(a => (
                    a.TextContent.Trim(),
                    int.Parse(a.QuerySelector(".count")!.TextContent.Trim('(', ')', ' ').Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
                    a.GetAttribute("href")!))
                .ToList();
    }

    private async Task<SearchPage> SearchAsync(string path)
    {
        using var client = site.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        var slugs = page.QuerySelectorAll(".results .product-card h3 a").Select(a => a.GetAttribute("href")!.Split('/')[^1]).ToList();
        var total = int.Parse(page.QuerySelector(".result-count")!.TextContent.Split(' ')[0].Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        return new SearchPage(page, slugs, total);
    }

    private sealed record ProductFacts(string Name, string Description, int IkmId, string IkmName, string Category, string? ParentCategory,
        string ProvinceCode, string RegencyCode, long PriceMin, List<Certification> Certifications)
    {
        public bool QualifiesForPdn(DateOnly day) => Certifications.Any(c => c.QualifiesForPdnOn(day));
    }

    private Task<Dictionary<string, ProductFacts>> ProductsAsync(IReadOnlyCollection<string> slugs) =>
        QueryAsync(db => db.Products.AsNoTracking().Where(p => slugs.Contains(p.Slug))
            .Select(p => new
            {
                p.Slug,
                Facts = new ProductFacts(p.Name, p.Description ?? "", p.IkmId, p.Ikm!.Name, p.Category!.Slug,
                    p.Category.Parent == null ? null : p.Category.Parent.Slug, p.Ikm.ProvinceCode, p.Ikm.RegencyCode, p.PriceMin,
                    p.Certifications.ToList()),
            })
            .ToDictionaryAsync(p => p.Slug, p => p.Facts));

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
