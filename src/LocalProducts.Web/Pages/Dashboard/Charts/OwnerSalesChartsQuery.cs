using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Charts;
using LocalProducts.Web.Pages.Dashboard.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Charts;

/// The owner's own sales as charts. Null charts: nothing to draw (no IKM, or no counted report
/// in the chart's months).
public sealed record OwnerSalesCharts(
    bool HasIkm, int HeldForReview, DateOnly From, DateOnly To, Chart? Revenue, Chart? BestProducts, Chart? Channels)
{
    public bool HasReports => Revenue is not null;
}

/// Charts of one owner's counted sales reports, summed in SQL: revenue per month over the last
/// 12 full months (WIB; a monthly report counts in its month, daily ones are summed), the best
/// products of the last 3 full months, and the share of revenue per channel. Filtered by the
/// owner's own IKM, never by anything the request says.
public sealed class OwnerSalesChartsQuery(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public const int Months = 12;
    public const int BestProductMonths = 3;
    public const int BestProductCount = 5;

    public async Task<OwnerSalesCharts> RunAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var from = thisMonth.AddMonths(-Months);
        var to = thisMonth.AddDays(-1);
        var ikmId = await OwnedIkm.Of(db, ownerId).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (ikmId is not { } id)
        {
            return new OwnerSalesCharts(false, 0, from, to, null, null, null);
        }

        var held = await db.SalesReports.AsNoTracking()
            .CountAsync(r => r.IkmId == id && r.State == SalesReportState.HeldForReview, cancellationToken);
        var counted = db.SalesReports.AsNoTracking()
            .Where(r => r.IkmId == id && r.State == SalesReportState.Counted && r.PeriodStart >= from && r.PeriodStart < thisMonth);
        var months = await counted
            .GroupBy(r => new { r.PeriodStart.Year, r.PeriodStart.Month })
            .Select(g => new MonthSum(g.Key.Year, g.Key.Month, g.Sum(r => r.RevenueRupiah)))
            .ToListAsync(cancellationToken);
        if (months.Count == 0)
        {
            return new OwnerSalesCharts(true, held, from, to, null, null, null);
        }

        var productsFrom = thisMonth.AddMonths(-BestProductMonths);
        var best = await counted
            .Where(r => r.PeriodStart >= productsFrom)
            .GroupBy(r => new { r.ProductId, CategoryId = r.ProductId == null ? r.CategoryId : 0 })
            .Select(g => new { g.Key.ProductId, g.Key.CategoryId, Revenue = g.Sum(r => r.RevenueRupiah), Units = g.Sum(r => (long)r.Units) })
            .OrderByDescending(g => g.Revenue).ThenBy(g => g.ProductId).ThenBy(g => g.CategoryId)
            .Take(BestProductCount)
            .ToListAsync(cancellationToken);
        var productIds = best.Where(b => b.ProductId is not null).Select(b => b.ProductId!.Value).ToList();
        var categoryIds = best.Where(b => b.ProductId is null).Select(b => b.CategoryId).ToList();
        // Only this IKM's products: a report names its own IKM's products, and the filter says so again.
        var productNames = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id) && p.IkmId == id)
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var categoryNames = await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.NameEn }).ToDictionaryAsync(c => c.Id, c => SiteText.IsEnglish ? c.NameEn : c.Name, cancellationToken);

        var channels = await counted
            .GroupBy(r => r.Channel)
            .Select(g => new { Channel = g.Key, Revenue = g.Sum(r => r.RevenueRupiah) })
            .OrderByDescending(g => g.Revenue).ThenBy(g => g.Channel)
            .ToListAsync(cancellationToken);

        return new OwnerSalesCharts(true, held, from, to,
            RevenueChart(from, months),
            best.Count == 0 ? null : BestProductsChart(productsFrom, to,
                [.. best.Select(b => new ProductSum(
                    b.ProductId is { } p ? productNames.GetValueOrDefault(p, text["Produk #{0}", p]) : text["{0} (kategori)", categoryNames.GetValueOrDefault(b.CategoryId, "?")],
                    b.Revenue, b.Units))]),
            channels.Sum(c => c.Revenue) == 0 ? null : ChannelsChart(from, to, [.. channels.Select(c => (text[SalesChannels.Label(c.Channel)].Value, c.Revenue))]));
    }

    private sealed record MonthSum(int Year, int Month, long Revenue);

    private sealed record ProductSum(string Name, long Revenue, long Units);

    private static string MonthLabel(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// Month-on-month growth in percent: null without both months or with nothing the month before.
    public static IReadOnlyList<double?> Growth(IReadOnlyList<double?> values) =>
        [.. values.Select((value, i) => i > 0 && value is { } now && values[i - 1] is { } before && before > 0 ? (now - before) / before * 100 : (double?)null)];

    private Chart RevenueChart(DateOnly from, List<MonthSum> sums)
    {
        var monthStarts = Enumerable.Range(0, Months).Select(from.AddMonths).ToList();
        var values = monthStarts
            .Select(m => sums.FirstOrDefault(s => s.Year == m.Year && s.Month == m.Month) is { } sum ? (double?)sum.Revenue : null)
            .ToList();
        var growth = Growth(values);
        var labels = monthStarts.Select(MonthLabel).ToList();
        var last = values.FindLastIndex(v => v is not null);
        var summary = new List<string> { text["Pendapatan {0}: {1}.", labels[last], new Rupiah((long)values[last]!.Value)] };
        if (growth[last] is { } change)
        {
            summary.Add(text["Dibanding bulan sebelumnya: {0}.", ChartNumbers.Full(change, ChartValueKind.Percent)]);
        }
        var reported = values.Count(v => v is not null);
        summary.Add(text["Jumlah {0} bulan yang dilaporkan: {1}.", reported, new Rupiah((long)values.Sum(v => v ?? 0))]);
        return new Chart("grafik-pendapatan", text["Pendapatan per bulan, {0} – {1}", labels[0], labels[^1]], string.Join(" ", summary),
            ChartShape.Line, ChartValueKind.Rupiah, labels, [new ChartSeries(text["Pendapatan"], values)])
        {
            LabelsName = text["Bulan"],
            NullLabel = text["belum dilaporkan"],
            WithheldNote = text["Bulan tanpa laporan tidak digambar. Laporkan penjualannya agar grafik lengkap."],
            TableColumns = [new ChartTableColumn(text["Dibanding bulan sebelumnya"], ChartValueKind.Percent, growth)],
        };
    }

    private Chart BestProductsChart(DateOnly from, DateOnly to, List<ProductSum> best)
    {
        var top = best[0];
        var summary = text["Terlaris {0} – {1}: {2}, {3} dari {4} unit.",
            MonthLabel(from), MonthLabel(to), top.Name, new Rupiah(top.Revenue), ChartNumbers.Full(top.Units, ChartValueKind.Count)];
        return new Chart("grafik-produk", text["Produk terlaris menurut pendapatan, {0} – {1}", MonthLabel(from), MonthLabel(to)], summary,
            ChartShape.Bar, ChartValueKind.Rupiah, [.. best.Select(b => b.Name)], [new ChartSeries(text["Pendapatan"], [.. best.Select(b => (double?)b.Revenue)])])
        {
            LabelsName = text["Produk"],
            TableColumns = [new ChartTableColumn(text["Terjual (unit)"], ChartValueKind.Count, [.. best.Select(b => (double?)b.Units)])],
        };
    }

    private Chart ChannelsChart(DateOnly from, DateOnly to, List<(string Name, long Revenue)> channels)
    {
        var total = (double)channels.Sum(c => c.Revenue);
        var shares = channels.Select(c => (double?)(c.Revenue / total * 100)).ToList();
        var summary = text["Sumber pendapatan terbesar {0} – {1}: {2}, {3} dari seluruh pendapatan.",
            MonthLabel(from), MonthLabel(to), channels[0].Name, ChartNumbers.Full(shares[0]!.Value, ChartValueKind.Percent, signedPercent: false)];
        return new Chart("grafik-saluran", text["Asal penjualan: bagian pendapatan per saluran, {0} – {1}", MonthLabel(from), MonthLabel(to)], summary,
            ChartShape.Bar, ChartValueKind.Percent, [.. channels.Select(c => c.Name)], [new ChartSeries(text["Bagian pendapatan"], shares)])
        {
            LabelsName = text["Saluran"],
            SignedPercent = false,
            TableColumns = [new ChartTableColumn(text["Pendapatan"], ChartValueKind.Rupiah, [.. channels.Select(c => (double?)c.Revenue)])],
        };
    }
}
