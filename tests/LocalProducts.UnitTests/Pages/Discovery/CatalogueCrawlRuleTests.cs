using LocalProducts.Web.Pages.Discovery;
using LocalProducts.Web.Pages.Ikm;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalProducts.UnitTests.Pages.Discovery;

public sealed class CatalogueCrawlRuleTests
{
    [Theory]
    // The plain listing, one category or one province, and their pages: found under their own address.
    [InlineData("", "/produk")]
    [InlineData("?halaman=3", "/produk?halaman=3")]
    [InlineData("?kategori=kopi", "/produk?kategori=kopi")]
    [InlineData("?kategori=KOPI", "/produk?kategori=kopi")]
    [InlineData("?provinsi=aceh", "/produk?provinsi=aceh")]
    [InlineData("?halaman=2&kategori=kopi", "/produk?kategori=kopi&halaman=2")]
    [InlineData("?provinsi=bali&halaman=4", "/produk?provinsi=bali&halaman=4")]
    // Parameters nobody reads, and sorts that are the default anyway, change nothing.
    [InlineData("?kategori=kopi&utm_source=wa", "/produk?kategori=kopi")]
    [InlineData("?kategori=kopi&urut=relevan", "/produk?kategori=kopi")]
    [InlineData("?urut=acak", "/produk")]
    public void Products_Indexable(string query, string canonical)
    {
        var decision = Products(query, page: Page(query));

        Assert.True(decision.Indexable);
        Assert.Null(decision.Robots);
        Assert.Equal(canonical, decision.Canonical);
    }

    [Theory]
    [InlineData("?q=kopi")]
    [InlineData("?q=kopi&kategori=kopi")]
    [InlineData("?urut=termurah")]
    [InlineData("?kategori=kopi&urut=terbaru")]
    [InlineData("?kategori=kopi&provinsi=aceh")]
    [InlineData("?kategori=kopi&provinsi=aceh&urut=termahal&halaman=2")]
    [InlineData("?provinsi=aceh&kota=11.01")]
    [InlineData("?harga_min=10000")]
    [InlineData("?kategori=kopi&harga_maks=50.000")]
    [InlineData("?sertifikasi=halal")]
    [InlineData("?esmart=alumni")]
    [InlineData("?urut=termurah&halaman=5")]
    public void Products_FilteredOrSorted_AreNoindex_WithThePlainListingAsCanonical(string query)
    {
        var decision = Products(query, page: Page(query));

        Assert.False(decision.Indexable);
        Assert.Equal("noindex, follow", decision.Robots);
        Assert.Equal("/produk", decision.Canonical);
    }

    [Fact]
    public void Products_UnknownCategory_ShowsThePlainListing_SoIsNotIndexedAgain()
    {
        var decision = CatalogueCrawlRule.ForProducts(ProductSearchInput.Parse(Query("?kategori=tidak-ada")), 1, filtersKnown: false);

        Assert.False(decision.Indexable);
        Assert.Equal("/produk", decision.Canonical);
    }

    [Fact]
    public void Products_PagePastTheEnd_IsCanonicalToThePageShown()
    {
        var decision = CatalogueCrawlRule.ForProducts(ProductSearchInput.Parse(Query("?kategori=kopi&halaman=99")), 3, filtersKnown: true);

        Assert.Equal("/produk?kategori=kopi&halaman=3", decision.Canonical);
    }

    [Theory]
    [InlineData("", true, "/ikm")]
    [InlineData("?provinsi=aceh", true, "/ikm?provinsi=aceh")]
    [InlineData("?kategori=kopi&halaman=2", true, "/ikm?kategori=kopi&halaman=2")]
    [InlineData("?provinsi=aceh&kategori=kopi", false, "/ikm")]
    [InlineData("?q=kopi", false, "/ikm")]
    [InlineData("?provinsi=aceh&kota=11.01", false, "/ikm")]
    [InlineData("?sentra=Sentra%20Kopi", false, "/ikm")]
    public void Makers(string query, bool indexable, string canonical)
    {
        var decision = CatalogueCrawlRule.ForMakers(IkmDirectoryInput.Parse(Query(query)), Page(query), filtersKnown: true);

        Assert.Equal(indexable, decision.Indexable);
        Assert.Equal(canonical, decision.Canonical);
    }

    private static CrawlDecision Products(string query, int page) =>
        CatalogueCrawlRule.ForProducts(ProductSearchInput.Parse(Query(query)), page, filtersKnown: true);

    private static int Page(string query) =>
        QueryHelpers.ParseQuery(query).TryGetValue("halaman", out var page) ? int.Parse(page!, System.Globalization.CultureInfo.InvariantCulture) : 1;

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}
