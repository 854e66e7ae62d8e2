using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

public sealed record SalesRevisionRow(int Units, long RevenueRupiah, SalesReportState State, string? Reason, DateTimeOffset At);

public sealed record SalesReportDetail(SalesReportRow Report, DateTimeOffset ReportedAt, IReadOnlyList<SalesRevisionRow> Revisions);

/// One of the owner's reports with its history, newest first; null for another IKM's report.
public sealed class SalesReportQuery(AppDbContext db)
{
    public async Task<SalesReportDetail?> RunAsync(Guid ownerId, long reportId, bool english, CancellationToken cancellationToken)
    {
        var ikmId = await OwnedIkm.Of(db, ownerId).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (ikmId is null)
        {
            return null;
        }
        var owned = db.SalesReports.AsNoTracking().Where(r => r.Id == reportId && r.IkmId == ikmId);
        var row = await SalesReportListQuery.Rows(db, owned, english).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var reportedAt = await owned.Select(r => r.ReportedAt).FirstAsync(cancellationToken);
        var revisions = await db.SalesReportRevisions.AsNoTracking().Where(v => v.ReportId == reportId)
            .OrderByDescending(v => v.At).ThenByDescending(v => v.Id)
            .Select(v => new SalesRevisionRow(v.Units, v.RevenueRupiah, v.State, v.Reason, v.At))
            .ToListAsync(cancellationToken);
        return new SalesReportDetail(row, reportedAt, revisions);
    }
}
