using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

public sealed class SalesPeriodTests
{
    private static readonly DateOnly _today = new(2026, 12, 5);

    [Fact]
    public void Start_OfAMonth_IsItsFirstDay_AndOfADay_TheDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 1), SalesPeriod.Start(SalesPeriodKind.Monthly, new DateOnly(2026, 11, 20)));
        Assert.Equal(new DateOnly(2026, 11, 20), SalesPeriod.Start(SalesPeriodKind.Daily, new DateOnly(2026, 11, 20)));
    }

    [Theory]
    [InlineData(SalesPeriodKind.Daily, "2026-12-05")]
    [InlineData(SalesPeriodKind.Daily, "2015-01-01")]
    [InlineData(SalesPeriodKind.Monthly, "2026-12-31")] // this month has begun
    [InlineData(SalesPeriodKind.Monthly, "2015-01-15")]
    public void Problem_None_ForBegunPeriodsSince2015(SalesPeriodKind kind, string day) =>
        Assert.Null(SalesPeriod.Problem(kind, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), _today));

    [Theory]
    [InlineData(SalesPeriodKind.Daily, "2026-12-06", SalesPeriodProblem.InTheFuture)]
    [InlineData(SalesPeriodKind.Monthly, "2027-01-01", SalesPeriodProblem.InTheFuture)]
    [InlineData(SalesPeriodKind.Daily, "2014-12-31", SalesPeriodProblem.TooOld)]
    [InlineData(SalesPeriodKind.Monthly, "2014-12-01", SalesPeriodProblem.TooOld)]
    public void Problem_ForFutureAndTooOldPeriods(SalesPeriodKind kind, string day, SalesPeriodProblem expected) =>
        Assert.Equal(expected, SalesPeriod.Problem(kind, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), _today));
}
