using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// What a cohort led to: IKM that applied, were accepted (holding a seat, including those who
/// graduated), completed every module, and sell online after the course.
public sealed record CohortFunnel(int Applied, int Accepted, int Completed, int SellingOnline, bool Ended);

public static class CohortFunnels
{
    /// The channels that count as selling online: every marketplace, the IKM's own site and WhatsApp.
    public static readonly IReadOnlyList<SalesChannel> OnlineChannels =
    [
        SalesChannel.Tokopedia, SalesChannel.Shopee, SalesChannel.Bukalapak, SalesChannel.Blibli, SalesChannel.Lazada,
        SalesChannel.TikTokShop, SalesChannel.Website, SalesChannel.WhatsApp,
    ];

    /// Selling online after the course: an accepted IKM that, once the cohort has ended, has a
    /// published product with a marketplace link, or a counted sales report on an online channel
    /// for a period starting after the cohort's last day. Zero until the cohort ends.
    public static async Task<CohortFunnel> CountAsync(AppDbContext db, ESmartCohort cohort, DateOnly todayWib, CancellationToken cancellationToken)
    {
        var applications = db.CohortApplications.AsNoTracking().Where(a => a.CohortId == cohort.Id);
        var applied = await applications.CountAsync(cancellationToken);
        var accepted = applications.Where(a => a.State == CohortApplicationState.Accepted);
        var acceptedCount = await accepted.CountAsync(cancellationToken);
        var completed = await accepted.CountAsync(a => a.CompletedAt != null, cancellationToken);
        var ended = todayWib > cohort.EndsOn;
        var selling = 0;
        if (ended)
        {
            var endsOn = cohort.EndsOn;
            var online = OnlineChannels.ToArray();
            selling = await accepted.CountAsync(a =>
                db.Products.Any(p => p.IkmId == a.IkmId && p.State == ProductState.Published && p.MarketplaceLinks.Any())
                || db.SalesReports.Any(r => r.IkmId == a.IkmId && r.State == SalesReportState.Counted
                    && online.Contains(r.Channel) && r.PeriodStart > endsOn), cancellationToken);
        }
        return new CohortFunnel(applied, acceptedCount, completed, selling, ended);
    }
}
