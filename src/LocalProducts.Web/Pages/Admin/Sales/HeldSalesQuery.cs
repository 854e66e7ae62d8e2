using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Dashboard.Sales;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Sales;

public sealed record HeldSalesRow(string IkmName, string IkmSlug, SalesReportRow Report);

public sealed record HeldSalesView(int Page, int PageCount, int Total, IReadOnlyList<HeldSalesRow> Rows);

/// Reports held for review, the oldest first, with their IKM and the rule's reason.
public sealed class HeldSalesQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<HeldSalesView> RunAsync(int page, bool english, CancellationToken cancellationToken)
    {
        var held = db.SalesReports.AsNoTracking().Where(r => r.State == SalesReportState.HeldForReview);
        var total = await held.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var ordered = held.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).Skip((page - 1) * PageSize).Take(PageSize);
        var rows = await SalesReportListQuery.Rows(db, ordered, english).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var ikms = await db.SalesReports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Join(db.Ikms, r => r.IkmId, i => i.Id, (r, i) => new { r.Id, i.Name, i.Slug })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        return new HeldSalesView(page, pageCount, total,
            [.. rows.Select(r => new HeldSalesRow(ikms[r.Id].Name, ikms[r.Id].Slug, r))]);
    }
}
