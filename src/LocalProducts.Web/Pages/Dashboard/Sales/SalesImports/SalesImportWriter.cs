using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// Writes a plan's good rows: new reports, corrections of stored ones (reason "impor &lt;file&gt;"),
/// and nothing for a row whose figures are already stored. Rows are taken in period order so the
/// hold rule sees the file's earlier periods as history. The caller saves.
public static class SalesImportWriter
{
    public static async Task WriteAsync(AppDbContext db, SalesImport import, SalesImportPlan plan, DateTimeOffset now, Guid? by, CancellationToken cancellationToken)
    {
        import.NewReports = import.CorrectedReports = import.HeldReports = import.AlreadyStored = 0;
        if (plan.Rows.Count > 0)
        {
            var ledger = await SalesLedger.LoadAsync(db, import.IkmId, plan.Rows.Min(r => r.Key.Start), plan.Rows.Max(r => r.Key.End), cancellationToken);
            var ids = plan.Rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
            var existing = await db.SalesReports.Where(r => r.IkmId == import.IkmId && ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
            var reason = $"impor {import.FileName}";
            if (reason.Length > SalesReport.ReasonMaxLength)
            {
                reason = reason[..SalesReport.ReasonMaxLength];
            }
            foreach (var row in plan.Rows.OrderBy(r => r.Key.Start).ThenBy(r => r.Line))
            {
                var hold = ledger.HoldReason(row.Key, row.RevenueRupiah);
                SalesReport report;
                if (row.ExistingId is { } id && existing.TryGetValue(id, out var stored))
                {
                    report = stored;
                    if (!report.Correct(row.Units, row.RevenueRupiah, hold, reason, now, by, import.Id))
                    {
                        import.AlreadyStored++;
                        continue;
                    }
                    import.CorrectedReports++;
                }
                else
                {
                    var k = row.Key;
                    report = SalesReport.Create(import.IkmId, k.ProductId, k.CategoryId, k.Channel, k.Kind, k.Start, row.Units, row.RevenueRupiah, hold, now, by, import.Id);
                    db.SalesReports.Add(report);
                    import.NewReports++;
                }
                if (report.State == SalesReportState.HeldForReview)
                {
                    import.HeldReports++;
                }
                ledger.Put(new StoredSale(report.Id, row.Key, report.Units, report.RevenueRupiah, report.State));
            }
        }
        import.GoodRows = plan.Rows.Count;
        import.State = SalesImportState.Done;
        import.FinishedAt = now.ToUniversalTime();
    }
}
