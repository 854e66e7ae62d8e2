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
    [InlineData(0, 50_000L, null, BandSide.Outside)]
    [InlineData(1, 50_000L, null, BandSide.Inside)]
    [InlineData(5, 50_000L, null, BandSide.Inside)]
    [InlineData(5, null, 999_999L, BandSide.Outside)]
    [InlineData(0, null, 49_999L, BandSide.Inside)]
    [InlineData(0, 0L, 49_999L, BandSide.Inside)]
    [InlineData(2, 100_000L, 249_999L, BandSide.Inside)]
    [InlineData(2, 50_000L, 150_000L, BandSide.Partly)]
    [InlineData(1, 50_000L, 150_000L, BandSide.Inside)]
    [InlineData(3, 50_000L, 150_000L, BandSide.Outside)]
    [InlineData(1, 60_000L, 70_000L, BandSide.Partly)]
    [InlineData(4, 600_000L, null, BandSide.Partly)]
    public void SideOf_SaysWhereABandLiesAgainstThePriceFilter(int band, long? min, long? max, BandSide side) =>
        Assert.Equal(side, FacetGroup.SideOf(band, min, max));

    [Fact]
    public void PartlyCoveredPrices_AreTheFiltersPricesInBandsOnlyPartlyInside()
    {
        Assert.Equal([(100_000L, 150_000L)], FacetGroup.PartlyCoveredPrices(50_000, 150_000));
        Assert.Equal([(60_000L, 70_000L)], FacetGroup.PartlyCoveredPrices(60_000, 70_000));
        Assert.Equal([(30_000L, 49_999L), (100_000L, 120_000L)], FacetGroup.PartlyCoveredPrices(30_000, 120_000));
        Assert.Equal([(600_000L, 999_999L)], FacetGroup.PartlyCoveredPrices(600_000, null));
        Assert.Empty(FacetGroup.PartlyCoveredPrices(50_000, 249_999));
        Assert.Empty(FacetGroup.PartlyCoveredPrices(null, null));
    }

    [Fact]
    public void SplitByPrice_SplitsOnlyTheBandsPartlyInside_UsingTheRowsFoundThere()
    {
        // 50.000–150.000: band 1 inside, band 2 partly (3 of its 10 products in Aceh are inside), band 3 outside.
        List<FacetGroup> kept =
        [
            new(1, "11", null, 1, false, 0, 4),
            new(1, "11", null, 2, false, 0, 10),
            new(1, "11", null, 3, false, 0, 6),
            new(1, "51", null, 2, false, 0, 5),
        ];
        List<FacetGroup> insideOfPartlyBands = [new(1, "11", null, 2, true, 0, 3)];

        var split = FacetGroup.SplitByPrice(kept, insideOfPartlyBands, 50_000, 150_000);
        var counts = FacetGroup.Sum(split, split, new FacetCriteria(null, null, null, 0));

        Assert.Equal(4 + 3, counts.Total);
        Assert.Equal(7, counts.Provinces["11"]);
        Assert.Equal(0, counts.Provinces["51"]);
        Assert.Equal(10, counts.Totals["band2"]);
        Assert.Equal(25, split.Sum(g => g.Products));
    }
}
