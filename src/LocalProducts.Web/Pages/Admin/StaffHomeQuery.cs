using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Admin.Moderation;
using LocalProducts.Web.Pages.Admin.Reports;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin;

public sealed record StaffHomeView(int PendingIkms, int PendingProducts, int HiddenByStaff, int AuditEntriesToday, int OpenListingReports);

/// What waits for staff, for the admin home.
public sealed class StaffHomeQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<StaffHomeView> RunAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var startOfDay = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        return new StaffHomeView(
            await db.Ikms.CountAsync(i => i.Verification == VerificationState.Pending, cancellationToken),
            await ModerationQueueQuery.Waiting(db).CountAsync(cancellationToken),
            await db.Products.CountAsync(p => p.State == ProductState.Hidden && p.HiddenReason != null, cancellationToken),
            await db.AuditEntries.CountAsync(a => a.At >= startOfDay, cancellationToken),
            await ListingReportQueueQuery.Open(db).CountAsync(cancellationToken));
    }
}
