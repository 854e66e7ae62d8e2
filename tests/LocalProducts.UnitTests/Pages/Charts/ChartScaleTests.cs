using LocalProducts.Web.Pages.Charts;

namespace LocalProducts.UnitTests.Pages.Charts;

public sealed class ChartScaleTests
{
    [Fact]
    public void For_Revenue_StepsOfHalfAMillion_FromZero()
    {
        var scale = ChartScale.For([350_000, 1_180_000, 900_000], ChartValueKind.Rupiah);

        Assert.Equal([0, 500_000, 1_000_000, 1_500_000], scale.Ticks);
        Assert.Equal(["Rp 0", "Rp 500 rb", "Rp 1 jt", "Rp 1,5 jt"], scale.Ticks.Select(t => ChartNumbers.Compact(t, ChartValueKind.Rupiah)));
    }

    [Fact]
    public void For_NegativeGrowth_ReachesBelowZero()
    {
        // Range 69 over four gaps is 17,25: the next round step is 20.
        var scale = ChartScale.For([-12, 57, 39], ChartValueKind.Percent);

        Assert.Equal([-20, 0, 20, 40, 60], scale.Ticks);
        Assert.Equal(0.25, scale.Fraction(0), 9);
    }

    [Fact]
    public void For_AllPositive_StartsAtZero()
    {
        var scale = ChartScale.For([40, 45, 50], ChartValueKind.Count);

        Assert.Equal(0, scale.Min);
        Assert.Equal([0, 20, 40, 60], scale.Ticks);
    }

    [Fact]
    public void For_SmallCounts_StepIsAWholeNumber()
    {
        Assert.Equal([0, 1, 2, 3], ChartScale.For([0, 3], ChartValueKind.Count).Ticks);
        Assert.Equal([0, 2, 4, 6, 8], ChartScale.For([7], ChartValueKind.Count).Ticks);
    }

    [Fact]
    public void For_QuarterSteps_AreUsedForPercent()
    {
        // Range 10 over four gaps is 2,5: a round step for percent.
        Assert.Equal([0, 2.5, 5, 7.5, 10], ChartScale.For([10, 4.2], ChartValueKind.Percent).Ticks);
    }

    [Fact]
    public void For_NoValues_OrOnlyWithheld_StillDrawsAnAxis()
    {
        var scale = ChartScale.For([null, null], ChartValueKind.Rupiah);

        Assert.Equal(0, scale.Min);
        Assert.True(scale.Max > 0);
        Assert.True(scale.Ticks.Count >= 2);
    }

    [Fact]
    public void For_DecimalSteps_HaveNoFloatingDust() =>
        Assert.Equal([0, 0.1, 0.2, 0.3, 0.4], ChartScale.For([0.35], ChartValueKind.Percent).Ticks);
}
