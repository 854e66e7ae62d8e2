using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Dashboard.ESmart;

public sealed record OpenCohort(int Id, string Name, string? Description, DateOnly StartsOn, DateOnly EndsOn, string? ProvinceName, int Capacity, bool Applied);

public sealed record OwnerApplication(
    int CohortId, string CohortName, DateOnly StartsOn, DateOnly EndsOn, string? ProvinceName, CohortApplicationState State,
    int? WaitingPlace, int ModulesDone, int Modules, IReadOnlyList<string> ModulesDoneNames, DateTimeOffset? CompletedAt, string? Note);

public sealed record OwnerESmartView(
    bool HasIkm, bool IsVerified, DateOnly? AlumniSince, IReadOnlyList<OpenCohort> Open, IReadOnlyList<OwnerApplication> Applications);

/// The owner's e-Smart IKM page: the cohorts their IKM can apply to now (online, or in its
/// province, until the class starts) and their applications with state, waiting-list place and
/// modules done. Filtered by the owner.
public sealed class OwnerESmartQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<OwnerESmartView> RunAsync(Guid ownerId, bool english, CancellationToken cancellationToken)
    {
        var ikm = await OwnedIkm.Of(db, ownerId)
            .Select(i => new { i.Id, i.ProvinceCode, i.Verification, i.ESmartAlumniSince })
            .FirstOrDefaultAsync(cancellationToken);
        if (ikm is null)
        {
            return new OwnerESmartView(false, false, null, [], []);
        }
        var today = Wib.Today(clock);
        var applications = await db.CohortApplications.AsNoTracking()
            .Where(a => a.IkmId == ikm.Id)
            .OrderByDescending(a => a.Cohort!.StartsOn)
            .Select(a => new
            {
                a.CohortId,
                a.Cohort!.Name,
                a.Cohort.StartsOn,
                a.Cohort.EndsOn,
                ProvinceName = a.Cohort.Province == null ? null : a.Cohort.Province.Name,
                a.State,
                a.DecidedAt,
                a.Id,
                WaitingAhead = a.State == CohortApplicationState.Waitlisted
                    ? db.CohortApplications.Count(o => o.CohortId == a.CohortId && o.State == CohortApplicationState.Waitlisted
                        && (o.DecidedAt < a.DecidedAt || (o.DecidedAt == a.DecidedAt && o.Id < a.Id)))
                    : (int?)null,
                Done = a.Completions.Select(c => c.ModuleId).ToList(),
                Modules = db.CohortModules.Where(m => m.CohortId == a.CohortId).OrderBy(m => m.SortOrder)
                    .Select(m => new { m.Id, m.Name, m.NameEn }).ToList(),
                a.CompletedAt,
                a.Note,
            })
            .ToListAsync(cancellationToken);
        var appliedTo = applications.Select(a => a.CohortId).ToHashSet();
        var cohorts = await db.ESmartCohorts.AsNoTracking()
            .Where(c => c.EndsOn >= today && (c.ProvinceCode == null || c.ProvinceCode == ikm.ProvinceCode))
            .OrderBy(c => c.StartsOn).ThenBy(c => c.Id)
            .Select(c => new { Cohort = c, ProvinceName = c.Province == null ? null : c.Province.Name })
            .ToListAsync(cancellationToken);
        var open = cohorts.Where(c => c.Cohort.TakesApplicationsOn(today))
            .Select(c => new OpenCohort(c.Cohort.Id, c.Cohort.Name, c.Cohort.Description, c.Cohort.StartsOn, c.Cohort.EndsOn, c.ProvinceName,
                c.Cohort.Capacity, appliedTo.Contains(c.Cohort.Id)))
            .ToList();
        return new OwnerESmartView(true, ikm.Verification == VerificationState.Verified, ikm.ESmartAlumniSince, open,
            [.. applications.Select(a => new OwnerApplication(a.CohortId, a.Name, a.StartsOn, a.EndsOn, a.ProvinceName, a.State,
                a.WaitingAhead + 1, a.Done.Count, a.Modules.Count,
                [.. a.Modules.Where(m => a.Done.Contains(m.Id)).Select(m => english ? m.NameEn : m.Name)], a.CompletedAt, a.Note))]);
    }
}
