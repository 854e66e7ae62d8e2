using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

public sealed class ImpactSuppressionTests
{
    [Fact]
    public void Check_FourIkm_IsWithheldForFewIkm()
    {
        Assert.Equal(WithheldReason.FewIkm, ImpactSuppression.Check([100, 100, 100, 100]));
    }

    [Fact]
    public void Check_FiveEvenIkm_IsPublished()
    {
        Assert.Null(ImpactSuppression.Check([100, 100, 100, 100, 100]));
    }

    [Fact]
    public void Check_TwoLargestOverEightyFivePercent_IsWithheldForConcentration()
    {
        // 86 + 1 + 1 + 1 + 1 = 90 ... top two 87 / 90 = 96.7 %.
        Assert.Equal(WithheldReason.Concentrated, ImpactSuppression.Check([86, 1, 1, 1, 1]));
    }

    [Fact]
    public void Check_TwoLargestExactlyEightyFivePercent_IsPublished()
    {
        // 42.5 + 42.5 = 85 of 100: not more than 85 %.
        Assert.Null(ImpactSuppression.Check([42.5, 42.5, 5, 5, 5]));
    }

    [Fact]
    public void Check_AllZero_IsPublished()
    {
        Assert.Null(ImpactSuppression.Check([0, 0, 0, 0, 0]));
    }
}
