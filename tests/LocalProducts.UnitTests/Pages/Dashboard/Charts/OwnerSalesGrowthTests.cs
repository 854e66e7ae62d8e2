using LocalProducts.Web.Pages.Dashboard.Charts;

namespace LocalProducts.UnitTests.Pages.Dashboard.Charts;

public sealed class OwnerSalesGrowthTests
{
    [Fact]
    public void Growth_IsAgainstTheMonthBefore_OnlyWhenBothWereReported()
    {
        // 750 rb → 3 jt is +300 %; a month without a report (null) has no growth, nor the one after;
        // nothing sold the month before (0) gives no percentage either.
        double?[] revenue = [750_000, 3_000_000, null, 1_000_000, 0, 500_000, 400_000];

        var growth = OwnerSalesChartsQuery.Growth(revenue);

        Assert.Equal([null, 300, null, null, -100, null, -20], growth);
    }
}
