using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

public sealed record SalesImportListRow(int Id, string FileName, SalesImportState State, int TotalRows, DateTimeOffset CreatedAt);

/// The owner's latest imports, for the upload page.
public sealed class SalesImportListQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<SalesImportListRow>> RunAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        var ikmId = await OwnedIkm.Of(db, ownerId).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
        return ikmId is null
            ? []
            : await db.SalesImports.AsNoTracking().Where(i => i.IkmId == ikmId).OrderByDescending(i => i.Id).Take(10)
                .Select(i => new SalesImportListRow(i.Id, i.FileName, i.State, i.TotalRows, i.CreatedAt)).ToListAsync(cancellationToken);
    }
}
