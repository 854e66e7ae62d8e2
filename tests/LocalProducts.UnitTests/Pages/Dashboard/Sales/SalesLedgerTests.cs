using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Dashboard.Sales;

namespace LocalProducts.UnitTests.Pages.Dashboard.Sales;

public sealed class SalesLedgerTests
{
    private const int Kopi = 5;
    private static readonly DateOnly _november = new(2026, 11, 1);

    private static SaleKey Daily(int? product, DateOnly day, SalesChannel channel = SalesChannel.Shopee) => new(product, Kopi, channel, SalesPeriodKind.Daily, day);

    private static SaleKey Monthly(int? product, DateOnly month, SalesChannel channel = SalesChannel.Shopee) => new(product, Kopi, channel, SalesPeriodKind.Monthly, month);

    private static StoredSale Stored(long id, SaleKey key, long revenue = 100, SalesReportState state = SalesReportState.Counted) => new(id, key, 1, revenue, state);

    [Fact]
    public void Same_FindsTheReportOfTheSameKeyOnly()
    {
        var ledger = new SalesLedger([Stored(1, Daily(10, _november.AddDays(4)))]);

        Assert.Equal(1, ledger.Same(Daily(10, _november.AddDays(4)))?.Id);
        Assert.Null(ledger.Same(Daily(10, _november.AddDays(5))));
        Assert.Null(ledger.Same(Daily(11, _november.AddDays(4))));
    }

    [Fact]
    public void Clash_DailyAndMonthly_OfTheSameItemAndChannel()
    {
        var ledger = new SalesLedger([Stored(1, Daily(10, _november.AddDays(4)))]);

        Assert.Equal(SaleClash.DailyAndMonthly, ledger.Clash(Monthly(10, _november)).Clash);
        Assert.Equal(SaleClash.None, ledger.Clash(Monthly(10, _november, SalesChannel.Tokopedia)).Clash);
        Assert.Equal(SaleClash.None, ledger.Clash(Monthly(10, _november.AddMonths(1))).Clash);
        Assert.Equal(SaleClash.None, ledger.Clash(Monthly(11, _november)).Clash);
    }

    [Fact]
    public void Clash_ProductAndCategory_OfTheSameCategoryChannelAndDays()
    {
        var ledger = new SalesLedger([Stored(1, Monthly(null, _november))]);

        Assert.Equal(SaleClash.ProductAndCategory, ledger.Clash(Monthly(10, _november)).Clash);
        Assert.Equal(SaleClash.ProductAndCategory, ledger.Clash(Daily(10, _november.AddDays(9))).Clash);
        Assert.Equal(SaleClash.None, ledger.Clash(Daily(10, _november.AddMonths(1))).Clash);
    }

    [Fact]
    public void History_CountedReportsOfTheSameItemChannelAndKind_In24MonthsBefore()
    {
        var key = Monthly(10, _november);
        var ledger = new SalesLedger(
        [
            Stored(1, Monthly(10, _november.AddMonths(-1)), 3000),
            Stored(2, Monthly(10, _november.AddMonths(-24)), 6000),
            Stored(3, Monthly(10, _november.AddMonths(-25)), 9000),
            Stored(4, Monthly(10, _november.AddMonths(-2)), 9000, SalesReportState.HeldForReview),
            Stored(5, Monthly(10, _november.AddMonths(-3), SalesChannel.Tokopedia), 9000),
            Stored(6, Monthly(11, _november.AddMonths(-3)), 9000),
            Stored(7, Monthly(10, _november.AddMonths(1)), 9000),
        ]);

        // Revenue a day: October has 31 days, November 2024 has 30.
        Assert.Equal([3000 / 31.0, 6000 / 30.0], ledger.History(key).Order().ToArray());
    }

    [Fact]
    public void History_OfDailyReports_IsTheLatest90()
    {
        // 200 days before 1 November, each day's revenue its distance in days: 1 … 200.
        var ledger = new SalesLedger(Enumerable.Range(1, 200).Select(back => Stored(back, Daily(10, _november.AddDays(-back)), back)));

        var history = ledger.History(Daily(10, _november));

        Assert.Equal(SalesOutlierRule.MaximumHistory, history.Count);
        Assert.Equal(Enumerable.Range(1, 90).Select(v => (double)v), history.Order());
    }
}
