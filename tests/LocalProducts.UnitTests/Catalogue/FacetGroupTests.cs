using LocalProducts.Web.Pages.Products;

namespace LocalProducts.UnitTests.Catalogue;

public sealed class FacetGroupTests
{
    private const int Tkdn = 1, Halal = 2;

    // Four groups of coffee and batik in Aceh (11) and Bali (51); band 1 is Rp 50.000–99.999.
    private static readonly FacetGroup[] _groups =
    [
        new(CategoryId: 2, Province: "11", Regency: "1101", Band: 1, InPrice: true, Flags: Halal, Products: 5),
        new(CategoryId: 2, Province: "11", Regency: "1102", Band: 3, InPrice: false, Flags: Tkdn | Halal, Products: 2),
        new(CategoryId: 2, Province: "51", Regency: null, Band: 1, InPrice: true, Flags: 0, Products: 7),
        new(CategoryId: 9, Province: "51", Regency: null, Band: 1, InPrice: true, Flags: Halal, Products: 3),
    ];

    /// Without a price filter every group is inside it.
    private static readonly FacetGroup[] _unpriced = _groups.Select(g => g with { InPrice = true }).ToArray();

    [Fact]
    public void Sum_WithoutFilters_CountsEveryGroupInEveryFacet()
    {
        var counts = FacetGroup.Sum(_unpriced, _unpriced, new FacetCriteria(null, null, null, 0));

        Assert.Equal(17, counts.Total);
        Assert.Equal(14, counts.Categories[2]);
        Assert.Equal(3, counts.Categories[9]);
        Assert.Equal(7, counts.Provinces["11"]);
        Assert.Equal(10, counts.Provinces["51"]);
        Assert.Equal(10, counts.Totals["halal"]);
        Assert.Equal(2, counts.Totals["tkdn"]);
        Assert.Equal(15, counts.Totals["band1"]);
        Assert.Empty(counts.Regencies);
    }

    [Fact]
    public void Sum_EachFacetCountsWithEveryFilterButItsOwn()
    {
        // Coffee (2) in Aceh (11), halal, inside the price filter.
        var criteria = new FacetCriteria(new HashSet<int> { 2 }, "11", null, Halal);

        var counts = FacetGroup.Sum(_groups, _groups, criteria);

        Assert.Equal(5, counts.Total);
        // Categories ignore the category filter: Aceh, halal, in price → only the first group.
        Assert.Equal(5, counts.Categories[2]);
        Assert.False(counts.Categories.ContainsKey(9));
        // Provinces ignore the province filter: coffee, halal, in price → Aceh 5, Bali 0 (still listed).
        Assert.Equal(5, counts.Provinces["11"]);
        Assert.Equal(0, counts.Provinces["51"]);
        // Price bands ignore the price filter: the band-3 group now counts.
        Assert.Equal(5, counts.Totals["band1"]);
        Assert.Equal(2, counts.Totals["band3"]);
        // Regencies of the chosen province, each with the other filters.
        Assert.Equal(5, counts.Regencies["1101"]);
        Assert.Equal(0, counts.Regencies["1102"]);
    }

    [Fact]
    public void Sum_ProvinceFacet_ComesFromItsOwnGroups()
    {
        // _groups of the chosen province only, with the whole catalogue for the province facet.
        var inAceh = _unpriced.Where(g => g.Province == "11").ToList();

        var counts = FacetGroup.Sum(inAceh, _unpriced, new FacetCriteria(null, "11", "1101", 0));

        Assert.Equal(5, counts.Total);
        Assert.Equal(7, counts.Provinces["11"]);
        Assert.Equal(10, counts.Provinces["51"]);
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData(0L, 49_999L, true)]
    [InlineData(100_000L, 249_999L, true)]
    [InlineData(50_000L, 999_999L, true)]
    [InlineData(1_000_000L, null, true)]
    [InlineData(120_000L, 300_000L, false)]
    [InlineData(50_000L, 150_000L, false)]
    public void PriceFilterOnBandEdges_OnlyForWholeBands(long? min, long? max, bool onEdges) =>
        Assert.Equal(onEdges, FacetGroup.PriceFilterOnBandEdges(min, max));

    [Theory]
    [InlineData(0, 50_000L, null, false)]
    [InlineData(1, 50_000L, null, true)]
    [InlineData(5, 50_000L, null, true)]
    [InlineData(5, null, 999_999L, false)]
    [InlineData(0, null, 49_999L, true)]
    [InlineData(2, 100_000L, 249_999L, true)]
    public void BandInPrice_WholeBandInsideTheFilter(int band, long? min, long? max, bool inside) =>
        Assert.Equal(inside, FacetGroup.BandInPrice(band, min, max));
}
