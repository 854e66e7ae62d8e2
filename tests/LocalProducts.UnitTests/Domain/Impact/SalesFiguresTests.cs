using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

public sealed class SalesFiguresTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 1_250_000)]
    [InlineData(10_000_000, 50_000_000_000)]
    [InlineData(1, 1_000_000_000)]
    public void Problem_None_ForRealFigures_IncludingNothingSold(long units, long revenue) =>
        Assert.Null(SalesFigures.Problem(units, revenue));

    [Theory]
    [InlineData(-1, 0, SalesFigureProblem.NegativeUnits)]
    [InlineData(-5, -5, SalesFigureProblem.NegativeUnits)]
    [InlineData(3, -1, SalesFigureProblem.NegativeRevenue)]
    [InlineData(10_000_001, 20_000_000, SalesFigureProblem.TooManyUnits)]
    [InlineData(100, 50_000_000_001, SalesFigureProblem.RevenueTooLarge)]
    [InlineData(5, 0, SalesFigureProblem.UnitsWithoutRevenue)]
    [InlineData(0, 25_000, SalesFigureProblem.RevenueWithoutUnits)]
    [InlineData(1, 1_000_000_001, SalesFigureProblem.PricePerUnitTooHigh)]
    [InlineData(2, 25_000_000_000, SalesFigureProblem.PricePerUnitTooHigh)]
    public void Problem_NamesWhatIsWrong(long units, long revenue, SalesFigureProblem expected) =>
        Assert.Equal(expected, SalesFigures.Problem(units, revenue));
}
