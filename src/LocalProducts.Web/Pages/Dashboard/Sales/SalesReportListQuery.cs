using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

public sealed record SalesReportList(bool HasIkm, DateOnly? Month, int Page, int PageCount, int Total, IReadOnlyList<SalesReportRow> Reports);

/// The owner's reports, newest period first, a page at a time; optionally those of one month
/// (daily reports of its days and its monthly report).
public sealed class SalesReportListQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<SalesReportList> RunAsync(Guid ownerId, DateOnly? month, int page, bool english, CancellationToken cancellationToken)
    {
        var ikmId = await OwnedIkm.Of(db, ownerId).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (ikmId is null)
        {
            return new SalesReportList(false, month, 1, 1, 0, []);
        }
        var reports = db.SalesReports.AsNoTracking().Where(r => r.IkmId == ikmId);
        if (month is { } m)
        {
            var next = m.AddMonths(1);
            reports = reports.Where(r => r.PeriodStart >= m && r.PeriodStart < next);
        }
        var total = await reports.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await Rows(db, reports.OrderByDescending(r => r.PeriodStart).ThenBy(r => r.PeriodKind).ThenByDescending(r => r.Id)
            .Skip((page - 1) * PageSize).Take(PageSize), english).ToListAsync(cancellationToken);
        return new SalesReportList(true, month, page, pageCount, total, rows);
    }

    /// The rows with their item's name: the product's, or the category's for a category report.
    public static IQueryable<SalesReportRow> Rows(AppDbContext db, IQueryable<Domain.Impact.SalesReport> reports, bool english) =>
        reports.Select(r => new SalesReportRow(
            r.Id,
            r.ProductId != null
                ? db.Products.Where(p => p.Id == r.ProductId).Select(p => p.Name).FirstOrDefault() ?? ""
                : db.Categories.Where(c => c.Id == r.CategoryId).Select(c => english ? c.NameEn : c.Name).FirstOrDefault() ?? "",
            r.ProductId == null,
            r.Channel,
            r.PeriodKind,
            r.PeriodStart,
            r.Units,
            r.RevenueRupiah,
            r.State,
            r.HoldReason,
            r.ReviewNote,
            r.Version));
}
