using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.ESmart;

public sealed record CohortListRow(
    int Id, string Name, string Slug, DateOnly StartsOn, DateOnly EndsOn, string? ProvinceName, int Capacity,
    int Applied, int Accepted, int Waitlisted, int Completed);

/// Every cohort, newest first, with its applications counted by state.
public sealed class CohortListQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<CohortListRow>> RunAsync(CancellationToken cancellationToken) =>
        await db.ESmartCohorts.AsNoTracking()
            .OrderByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new CohortListRow(
                c.Id, c.Name, c.Slug, c.StartsOn, c.EndsOn, c.Province == null ? null : c.Province.Name, c.Capacity,
                db.CohortApplications.Count(a => a.CohortId == c.Id),
                db.CohortApplications.Count(a => a.CohortId == c.Id && a.State == CohortApplicationState.Accepted),
                db.CohortApplications.Count(a => a.CohortId == c.Id && a.State == CohortApplicationState.Waitlisted),
                db.CohortApplications.Count(a => a.CohortId == c.Id && a.CompletedAt != null)))
            .ToListAsync(cancellationToken);
}
