using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

public enum SaleClash
{
    None,
    /// A monthly report for a month that has daily reports of the same item and channel, or the other way round.
    DailyAndMonthly,
    /// A product's report where its whole category is reported for the same channel and days, or the other way round.
    ProductAndCategory,
}

/// One IKM's stored reports over the days a form or a file touches (and the 24 months before, for
/// the hold rule), with the rules that compare a report with the others: a duplicate, a clash that
/// would count the same sales twice, and the history <see cref="SalesOutlierRule"/> compares with.
/// The form and the CSV import use the same ledger, so they apply the same rules.
public sealed class SalesLedger
{
    public const int HistoryMonths = 24;

    private readonly Dictionary<SaleKey, StoredSale> _byKey = [];
    /// The reports touching each month of a category and channel: where a clash can be.
    private readonly Dictionary<(int CategoryId, SalesChannel Channel, DateOnly Month), List<StoredSale>> _byMonth = [];
    /// The reports of each item, channel and period kind: the history.
    private readonly Dictionary<(int? ProductId, int CategoryId, SalesChannel Channel, SalesPeriodKind Kind), List<StoredSale>> _byItem = [];

    public SalesLedger(IEnumerable<StoredSale> sales)
    {
        foreach (var sale in sales)
        {
            Put(sale);
        }
    }

    /// The IKM's reports that may touch periods from <paramref name="from"/> to <paramref name="to"/>.
    public static async Task<SalesLedger> LoadAsync(AppDbContext db, int ikmId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var earliest = new DateOnly(from.Year, from.Month, 1).AddMonths(-HistoryMonths);
        var rows = await db.SalesReports.AsNoTracking()
            .Where(r => r.IkmId == ikmId && r.PeriodStart >= earliest && r.PeriodStart <= to)
            .Select(r => new { r.Id, r.ProductId, r.CategoryId, r.Channel, r.PeriodKind, r.PeriodStart, r.Units, r.RevenueRupiah, r.State })
            .ToListAsync(cancellationToken);
        return new SalesLedger(rows.Select(r => new StoredSale(
            r.Id, new SaleKey(r.ProductId, r.CategoryId, r.Channel, r.PeriodKind, r.PeriodStart), r.Units, r.RevenueRupiah, r.State)));
    }

    /// The report stored for exactly this item, channel and period.
    public StoredSale? Same(SaleKey key) => _byKey.GetValueOrDefault(key);

    /// Another report the new one would count twice with, and how.
    public (SaleClash Clash, StoredSale? With) Clash(SaleKey key)
    {
        foreach (var sale in _byMonth.GetValueOrDefault((key.CategoryId, key.Channel, MonthOf(key.Start))) ?? [])
        {
            var other = sale.Key;
            if (other == key || !other.Overlaps(key))
            {
                continue;
            }
            if (other.ProductId == key.ProductId && other.Kind != key.Kind)
            {
                return (SaleClash.DailyAndMonthly, sale);
            }
            if ((other.ProductId is null) != (key.ProductId is null))
            {
                return (SaleClash.ProductAndCategory, sale);
            }
        }
        return (SaleClash.None, null);
    }

    /// Revenue a day of the counted reports of the same item, channel and period kind that start in
    /// the 24 months before this one: the latest <see cref="SalesOutlierRule.MaximumHistory"/> of
    /// them, so a year of daily rows in one file does not sort 700 values for each row.
    public IReadOnlyList<double> History(SaleKey key)
    {
        var from = key.Start.AddMonths(-HistoryMonths);
        return [.. (_byItem.GetValueOrDefault((key.ProductId, key.CategoryId, key.Channel, key.Kind)) ?? [])
            .Where(s => s.State == SalesReportState.Counted && s.Key.Start >= from && s.Key.Start < key.Start)
            .OrderByDescending(s => s.Key.Start)
            .Take(SalesOutlierRule.MaximumHistory)
            .Select(s => (double)s.RevenueRupiah / s.Key.Days)];
    }

    /// Why the report would be held for staff, or null when it counts at once.
    public string? HoldReason(SaleKey key, long revenueRupiah) =>
        SalesOutlierRule.HoldReason((double)revenueRupiah / key.Days, History(key));

    /// Records a report written meanwhile (a row of the same file), so later rows see it.
    public void Put(StoredSale sale)
    {
        var key = sale.Key;
        var month = Bucket(_byMonth, (key.CategoryId, key.Channel, MonthOf(key.Start)));
        var item = Bucket(_byItem, (key.ProductId, key.CategoryId, key.Channel, key.Kind));
        if (_byKey.TryGetValue(key, out var old))
        {
            month.Remove(old);
            item.Remove(old);
        }
        _byKey[key] = sale;
        month.Add(sale);
        item.Add(sale);
    }

    private static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    private static List<StoredSale> Bucket<TKey>(Dictionary<TKey, List<StoredSale>> buckets, TKey key)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var list))
        {
            list = [];
            buckets[key] = list;
        }
        return list;
    }
}
