using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Reports;

public sealed record ListingReportRow(
    int Id, int ProductId, string ProductSlug, string ProductName, ProductState ProductState, string MakerName,
    ListingReportReason Reason, string? Details, DateTimeOffset ReportedAt, int AgeDays,
    ListingReportState State, DateTimeOffset? HandledAt, string? HandledBy, string? StaffNote, uint Version);

public sealed record ListingReportQueueView(bool Closed, int OpenCount, int ClosedCount, IReadOnlyList<ListingReportRow> Reports);

/// Shoppers' reports on listings: the open ones oldest first (the longest waiting on top), or the
/// latest closed ones with who closed them and why.
public sealed class ListingReportQueueQuery(AppDbContext db, TimeProvider clock)
{
    public const int OpenShown = 200;
    public const int ClosedShown = 100;

    public static IQueryable<ListingReport> Open(AppDbContext db) => db.ListingReports.Where(r => r.State == ListingReportState.Open);

    public async Task<ListingReportQueueView> RunAsync(bool closed, CancellationToken cancellationToken)
    {
        var open = await Open(db).CountAsync(cancellationToken);
        var closedCount = await db.ListingReports.CountAsync(r => r.State != ListingReportState.Open, cancellationToken);
        var reports = db.ListingReports.AsNoTracking();
        reports = closed
            ? reports.Where(r => r.State != ListingReportState.Open).OrderByDescending(r => r.HandledAt).ThenByDescending(r => r.Id)
            : reports.Where(r => r.State == ListingReportState.Open).OrderBy(r => r.ReportedAt).ThenBy(r => r.Id);
        var rows = await (
            from r in reports.Take(closed ? ClosedShown : OpenShown)
            join u in db.Users on r.HandledById equals u.Id into handlers
            from handler in handlers.DefaultIfEmpty()
            select new
            {
                r.Id,
                r.ProductId,
                r.Product!.Slug,
                r.Product.Name,
                ProductState = r.Product.State,
                MakerName = r.Product.Ikm!.Name,
                r.Reason,
                r.Details,
                r.ReportedAt,
                r.State,
                r.HandledAt,
                HandledBy = handler == null ? null : handler.DisplayName ?? handler.Email,
                r.StaffNote,
                r.Version,
            }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var ordered = closed
            ? rows.OrderByDescending(r => r.HandledAt).ThenByDescending(r => r.Id)
            : rows.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id);
        return new ListingReportQueueView(closed, open, closedCount, [.. ordered.Select(r => new ListingReportRow(
            r.Id, r.ProductId, r.Slug, r.Name, r.ProductState, r.MakerName, r.Reason, r.Details, r.ReportedAt,
            Math.Max(0, (int)(now - r.ReportedAt).TotalDays), r.State, r.HandledAt, r.HandledBy, r.StaffNote, r.Version))]);
    }
}
