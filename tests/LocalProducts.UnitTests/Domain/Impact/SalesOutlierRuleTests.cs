using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

/// Worked examples: history 100, 110, 90, 105, 95, 100 has median 100 and MAD 5
/// (deviations 0, 10, 10, 5, 5, 0 → sorted 0, 0, 5, 5, 10, 10).
public sealed class SalesOutlierRuleTests
{
    private static readonly double[] _steady = [100, 110, 90, 105, 95, 100];

    [Fact]
    public void Median_AndMad_OfTheWorkedExample()
    {
        Assert.Equal(100, SalesOutlierRule.Median(_steady));
        Assert.Equal(5, SalesOutlierRule.Median([.. _steady.Select(v => Math.Abs(v - 100))]));
    }

    [Fact]
    public void FourTimesTheMedian_IsHeld_WithTheFiguresInTheReason()
    {
        // 400 > 3 × 100, and z = 0.6745 × 300 / 5 = 40.5 > 3.5.
        var reason = SalesOutlierRule.HoldReason(400, _steady);

        Assert.Equal("revenue/day 400 vs median 100 of 6 earlier reports; modified z 40.5", reason);
    }

    [Theory]
    [InlineData(150)] // a campaign's +50 %: under 3 × the median, never held
    [InlineData(157)]
    [InlineData(300)] // exactly 3 × the median is not "more than"
    [InlineData(34)]
    public void WithinThreeTimesTheMedian_IsNotHeld(double value) =>
        Assert.Null(SalesOutlierRule.HoldReason(value, _steady));

    [Fact]
    public void ZeroAfterASteadyHistory_IsHeld()
    {
        // 0 < 100 / 3, and z = 0.6745 × −100 / 5 = −13.5.
        var reason = SalesOutlierRule.HoldReason(0, _steady);

        Assert.NotNull(reason);
        Assert.Contains("modified z -13.5", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FewerThanSixEarlierReports_NothingIsHeld()
    {
        Assert.Null(SalesOutlierRule.HoldReason(10_000, [100, 110, 90, 105, 95]));
        Assert.Null(SalesOutlierRule.HoldReason(10_000, []));
    }

    [Fact]
    public void MadZero_UsesTheMeanAbsoluteDeviation()
    {
        // Median 100, MAD 0; mean absolute deviation 30 / 6 = 5, spread 5 × 1.2533 / 0.6745 = 9.29;
        // z for 400 = 0.6745 × 300 / 9.29 = 21.8.
        double[] history = [100, 100, 100, 100, 100, 130];

        Assert.Equal("revenue/day 400 vs median 100 of 6 earlier reports; modified z 21.8", SalesOutlierRule.HoldReason(400, history));
        Assert.Null(SalesOutlierRule.HoldReason(250, history));
    }

    [Fact]
    public void IdenticalHistory_AnyFarValueIsHeld_WithAnInfiniteScore()
    {
        double[] history = [100, 100, 100, 100, 100, 100];

        Assert.Equal("revenue/day 400 vs median 100 of 6 earlier reports; modified z ∞", SalesOutlierRule.HoldReason(400, history));
        Assert.Null(SalesOutlierRule.HoldReason(120, history));
    }

    [Fact]
    public void NothingSoldBefore_ASaleIsHeld_AndAnotherZeroIsNot()
    {
        double[] history = [0, 0, 0, 0, 0, 0];

        Assert.NotNull(SalesOutlierRule.HoldReason(50_000, history));
        Assert.Null(SalesOutlierRule.HoldReason(0, history));
    }
}
