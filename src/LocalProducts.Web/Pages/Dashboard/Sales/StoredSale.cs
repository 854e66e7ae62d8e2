using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// What one report is for: the item (a product, or a whole category when ProductId is null), the
/// channel and the period.
public sealed record SaleKey(int? ProductId, int CategoryId, SalesChannel Channel, SalesPeriodKind Kind, DateOnly Start)
{
    public DateOnly End => Kind == SalesPeriodKind.Daily ? Start : Start.AddMonths(1).AddDays(-1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public bool Overlaps(SaleKey other) => Start <= other.End && other.Start <= End;
}

/// A report as stored, for the checks a new or corrected one needs.
public sealed record StoredSale(long Id, SaleKey Key, int Units, long RevenueRupiah, SalesReportState State);
