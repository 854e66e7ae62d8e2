using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

/// The worked example of docs/impact.md: baseline January 2026 (31 days), campaign March 2026
/// (31 days), two pre-campaign months (January, February).
public sealed class ImpactCalculatorTests
{
    private const int Coffee = 1;
    private const int Other = 2;
    private const int Dominated = 3;
    private const int Small = 4;

    private static readonly ImpactSetup _setup = new(
        new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 2,
        [Coffee, Dominated, Small], [Other]);

    private static IEnumerable<ImpactSums> Ikm(int ikm, int category, double january, double february, double march)
    {
        yield return new ImpactSums(ikm, category, ImpactSetup.BaselineBucket, january, january / 1000);
        yield return new ImpactSums(ikm, category, ImpactSetup.CampaignBucket, march, march / 1000);
        yield return new ImpactSums(ikm, category, ImpactSetup.MonthBucket(0), january, january / 1000);
        yield return new ImpactSums(ikm, category, ImpactSetup.MonthBucket(1), february, february / 1000);
        yield return new ImpactSums(ikm, category, ImpactSetup.MonthBucket(2), march, march / 1000);
    }

    private static List<ImpactSums> Example() =>
    [
        // Coffee: five IKM at Rp 1.000 a day in January, Rp 1.050 in February, Rp 1.570 in March.
        .. Enumerable.Range(1, 5).SelectMany(i => Ikm(i, Coffee, 31_000, 29_400, 48_670)),
        // An IKM that reported only during the campaign: not in the panel.
        new ImpactSums(6, Coffee, ImpactSetup.CampaignBucket, 1_000_000, 1000),
        new ImpactSums(6, Coffee, ImpactSetup.MonthBucket(2), 1_000_000, 1000),
        // Control: Rp 100 a day in January, Rp 94 in March: −6 %.
        .. Enumerable.Range(11, 5).SelectMany(i => Ikm(i, Other, 3_100, 2_800, 2_914)),
        // Two IKM make nearly all of this category.
        .. Ikm(21, Dominated, 500_000, 500_000, 900_000),
        .. Ikm(22, Dominated, 500_000, 500_000, 900_000),
        .. Enumerable.Range(23, 3).SelectMany(i => Ikm(i, Dominated, 1_000, 1_000, 1_000)),
        // Only four IKM.
        .. Enumerable.Range(31, 4).SelectMany(i => Ikm(i, Small, 77_777, 77_777, 99_999)),
    ];

    [Fact]
    public void Compute_WorkedExample_GivesChangeOverThePanel()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        var coffee = result.Covered.Categories.Single(c => c.CategoryId == Coffee);
        Assert.Equal(5, coffee.PanelIkm);
        // Five IKM at Rp 1.000 a day, then at Rp 1.570 a day.
        Assert.Equal(5_000, coffee.Baseline.RevenuePerDay!.Value, 6);
        Assert.Equal(7_850, coffee.During.RevenuePerDay!.Value, 6);
        Assert.Equal(0.57, coffee.Change!.Value, 6);
    }

    [Fact]
    public void Compute_IkmMissingFromTheBaseline_IsNotCounted()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        // With IKM 6 the campaign would be 48.670 × 5 + 1.000.000 a month.
        var coffee = result.Covered.Categories.Single(c => c.CategoryId == Coffee);
        Assert.Equal(5 * 48_670, coffee.During.Revenue!.Value, 6);
        Assert.Equal(5, result.Covered.PanelIkm);
    }

    [Fact]
    public void Compute_ControlAndDifference_InPercentagePoints()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        Assert.Equal(-0.06, result.Control.Change!.Value, 6);
        Assert.Equal(63, result.DifferencePoints!.Value, 6);
    }

    [Fact]
    public void Compute_GrowthBeforeTheCampaign_UsesRevenuePerDayOfTheMonths()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        // January Rp 1.000 a day (31 days), February 29.400 / 28 = Rp 1.050 a day: +5 %.
        var pair = Assert.Single(result.Covered.Growth);
        Assert.Equal(new DateOnly(2026, 1, 1), pair.From);
        Assert.Equal(0.05, pair.Growth!.Value, 6);
        Assert.Equal(5, pair.Ikm);
        Assert.Equal(0.05, result.Covered.AverageMonthlyGrowth!.Value, 6);
    }

    [Fact]
    public void Compute_FourIkm_WithheldForFewIkm()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        var small = result.Covered.Categories.Single(c => c.CategoryId == Small);
        Assert.Equal(WithheldReason.FewIkm, small.Baseline.Withheld);
        Assert.Null(small.Baseline.Revenue);
        Assert.Null(small.During.Revenue);
        Assert.Null(small.Change);
        Assert.Null(small.PanelIkm);
        Assert.False(small.CountsInTotal);
    }

    [Fact]
    public void Compute_TwoDominantIkm_WithheldForConcentration()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        var dominated = result.Covered.Categories.Single(c => c.CategoryId == Dominated);
        Assert.Equal(WithheldReason.Concentrated, dominated.Baseline.Withheld);
        Assert.Equal(WithheldReason.Concentrated, dominated.During.Withheld);
        Assert.All(dominated.Months, m => Assert.Null(m.Revenue));
    }

    [Fact]
    public void Compute_TotalsLeaveWithheldCategoriesOut()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        Assert.Equal(0.57, result.Covered.Change!.Value, 6);
        Assert.Equal(1_000 * 5, result.Covered.BaselinePerDay!.Value, 6);
        Assert.Equal(5, result.Covered.PanelIkm);
        Assert.Equal([Coffee], result.Covered.Counted.Select(c => c.CategoryId));
    }

    [Fact]
    public void Compute_TotalMinusPublishedParts_DoesNotGiveTheWithheldCell()
    {
        var result = ImpactCalculator.Compute(_setup, Example());

        var published = result.Covered.Categories.Where(c => c.Baseline.IsPublished).Sum(c => c.Baseline.Revenue!.Value) / _setup.BaselineDays;
        var remainder = result.Covered.BaselinePerDay!.Value - published;
        // The withheld categories made Rp 1.000.000 + 3.000 and 4 × 77.777 in January.
        Assert.Equal(0, remainder, 6);
        Assert.NotEqual(1_003_000.0 / 31, remainder);
        Assert.NotEqual(4 * 77_777.0 / 31, remainder);
        var monthRemainder = result.Covered.Months[0].Revenue!.Value - result.Covered.Counted.Sum(c => c.Months[0].Revenue!.Value);
        Assert.Equal(0, monthRemainder, 6);
    }

    [Fact]
    public void Compute_PeriodOverlappingAWithheldMonth_IsWithheld()
    {
        // Campaign over March and April; one of five IKM did not report in April.
        var setup = _setup with { PeriodEnd = new DateOnly(2026, 4, 30), Covered = [Coffee], Control = [] };
        var sums = Enumerable.Range(1, 5).SelectMany(i => new[]
        {
            new ImpactSums(i, Coffee, ImpactSetup.BaselineBucket, 31_000, 31),
            new ImpactSums(i, Coffee, ImpactSetup.CampaignBucket, 61_000, 61),
            new ImpactSums(i, Coffee, ImpactSetup.MonthBucket(0), 31_000, 31),
            new ImpactSums(i, Coffee, ImpactSetup.MonthBucket(1), 28_000, 28),
            new ImpactSums(i, Coffee, ImpactSetup.MonthBucket(2), 31_000, 31),
        }).Concat(Enumerable.Range(1, 4).Select(i => new ImpactSums(i, Coffee, ImpactSetup.MonthBucket(3), 30_000, 30)));

        var result = ImpactCalculator.Compute(setup, sums);

        var coffee = result.Covered.Categories.Single();
        Assert.Equal(WithheldReason.FewIkm, coffee.Months[3].Withheld);
        Assert.True(coffee.Baseline.IsPublished);
        Assert.Equal(WithheldReason.OverlapsWithheldMonth, coffee.During.Withheld);
        Assert.Null(result.Covered.Change);
    }

    [Fact]
    public void Compute_NoSums_HasNoReports()
    {
        var result = ImpactCalculator.Compute(_setup, []);

        Assert.False(result.HasReports);
        Assert.Null(result.Covered.Change);
        Assert.Null(result.DifferencePoints);
    }

    [Fact]
    public void AverageMonthlyGrowth_IsTheGeometricMean()
    {
        var group = new GroupImpact([], 0, null, null, [],
        [
            new MonthGrowth(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), 5, 0.21, null),
            new MonthGrowth(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), 5, 0.0, null),
            new MonthGrowth(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), null, null, WithheldReason.FewIkm),
        ]);

        Assert.Equal(0.1, group.AverageMonthlyGrowth!.Value, 9);
        Assert.Equal(2, group.PublishedGrowthPairs);
    }

    [Fact]
    public void Months_RunFromThePreCampaignMonthsToTheCampaignsLastMonth()
    {
        var setup = _setup with { PeriodStart = new DateOnly(2026, 3, 15), PeriodEnd = new DateOnly(2026, 5, 2), PreCampaignMonths = 3 };

        Assert.Equal([new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1), new DateOnly(2026, 5, 1)], setup.Months);
    }
}
