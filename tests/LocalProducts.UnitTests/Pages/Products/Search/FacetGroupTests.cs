using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.UnitTests.Pages.Products.Search;

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
    [InlineData(0, 50_000L, null, StepSide.Outside)]
    [InlineData(1, 50_000L, null, StepSide.Outside)]
    [InlineData(2, 50_000L, null, StepSide.Inside)]
    [InlineData(11, 50_000L, null, StepSide.Inside)]
    [InlineData(9, null, 999_999L, StepSide.Inside)]
    [InlineData(10, null, 999_999L, StepSide.Outside)]
    [InlineData(0, 0L, 24_999L, StepSide.Inside)]
    [InlineData(4, 50_000L, 150_000L, StepSide.Inside)]
    [InlineData(5, 50_000L, 150_000L, StepSide.Partly)]
    [InlineData(5, 50_000L, 149_999L, StepSide.Outside)]
    [InlineData(2, 60_000L, 70_000L, StepSide.Partly)]
    [InlineData(8, 600_000L, null, StepSide.Partly)]
    public void SideOf_SaysWhereAPriceStepLiesAgainstThePriceFilter(int step, long? min, long? max, StepSide side) =>
        Assert.Equal(side, FacetGroup.SideOf(step, min, max));

    [Fact]
    public void PartlyCoveredPrices_AreTheFiltersPricesInStepsOnlyPartlyInside()
    {
        Assert.Equal([(150_000L, 150_000L)], FacetGroup.PartlyCoveredPrices(50_000, 150_000));
        Assert.Empty(FacetGroup.PartlyCoveredPrices(50_000, 149_999));
        Assert.Equal([(60_000L, 70_000L)], FacetGroup.PartlyCoveredPrices(60_000, 70_000));
        Assert.Equal([(30_000L, 49_999L), (100_000L, 120_000L)], FacetGroup.PartlyCoveredPrices(30_000, 120_000));
        Assert.Equal([(600_000L, 749_999L)], FacetGroup.PartlyCoveredPrices(600_000, null));
        Assert.Empty(FacetGroup.PartlyCoveredPrices(null, null));
    }

    [Fact]
    public void BandOfStep_EveryBandEdgeIsAStepEdge()
    {
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5], Enumerable.Range(0, ProductSearch.PriceSteps.Count).Select(FacetGroup.BandOfStep));
        foreach (var band in ProductSearch.PriceBands)
        {
            Assert.Contains(ProductSearch.PriceSteps, step => step.Min == band.Min);
            Assert.Contains(ProductSearch.PriceSteps, step => step.Max == band.Max);
        }
    }

    [Fact]
    public void SplitByPrice_SplitsOnlyTheStepsPartlyInside_UsingTheRowsFoundThere()
    {
        // 60.000–200.000: step 2 (50–75k) partly, 3 and 4 inside, 5 (150–250k) partly, 6 outside.
        List<KeptGroup> kept =
        [
            new(1, "11", 2, 0, 8),
            new(1, "11", 3, 0, 4),
            new(1, "11", 5, 0, 10),
            new(1, "11", 6, 0, 6),
            new(1, "51", 5, 0, 5),
        ];
        List<KeptGroup> insideOfPartlySteps = [new(1, "11", 2, 0, 2), new(1, "11", 5, 0, 3)];

        var split = FacetGroup.SplitByPrice(kept, insideOfPartlySteps, 60_000, 200_000);
        var counts = FacetGroup.Sum(split, split, new FacetCriteria(null, null, null, 0));

        Assert.Equal(2 + 4 + 3, counts.Total);
        Assert.Equal(9, counts.Provinces["11"]);
        Assert.Equal(0, counts.Provinces["51"]);
        Assert.Equal(12, counts.Totals["band1"]);
        Assert.Equal(15, counts.Totals["band2"]);
        Assert.Equal(6, counts.Totals["band3"]);
        Assert.Equal(33, split.Sum(g => g.Products));
    }
}
