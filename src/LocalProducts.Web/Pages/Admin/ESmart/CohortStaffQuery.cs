using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.ESmart;

public sealed record CohortModuleView(int Id, string Name, string NameEn);

public sealed record CohortApplicationRow(
    int Id, int IkmId, string IkmName, string IkmSlug, string Nib, string ProvinceName, bool IkmVerified,
    CohortApplicationState State, DateTimeOffset AppliedAt, DateTimeOffset? DecidedAt, string? Note,
    IReadOnlySet<int> CompletedModules, DateTimeOffset? CompletedAt, DateOnly? TrainedOn, DateOnly? CuratedOn);

public sealed record CohortStaffView(
    int Id, string Name, string Slug, string? Description, DateOnly StartsOn, DateOnly EndsOn, string? ProvinceName, int Capacity,
    IReadOnlyList<CohortModuleView> Modules, IReadOnlyList<CohortApplicationRow> Applications, CohortFunnel Funnel)
{
    public int SeatsTaken => Applications.Count(a => a.State == CohortApplicationState.Accepted);
}

/// One cohort for staff: its modules, its applications (waiting list in order) with the modules
/// each completed, and its funnel.
public sealed class CohortStaffQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<CohortStaffView?> RunAsync(int id, CancellationToken cancellationToken)
    {
        var cohort = await db.ESmartCohorts.AsNoTracking().Include(c => c.Modules).Include(c => c.Province)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cohort is null)
        {
            return null;
        }
        var rows = await db.CohortApplications.AsNoTracking()
            .Where(a => a.CohortId == id)
            .Select(a => new
            {
                a.Id,
                a.IkmId,
                a.Ikm!.Name,
                a.Ikm.Slug,
                a.Ikm.Nib,
                ProvinceName = a.Ikm.Province!.Name,
                Verified = a.Ikm.Verification == VerificationState.Verified,
                a.State,
                a.AppliedAt,
                a.DecidedAt,
                a.Note,
                Modules = a.Completions.Select(c => c.ModuleId).ToList(),
                a.CompletedAt,
                Participant = db.ESmartParticipants.Where(p => p.IkmId == a.IkmId).Select(p => new { p.TrainedOn, p.CuratedOn }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var applications = rows
            .OrderBy(r => StateOrder(r.State)).ThenBy(r => r.State == CohortApplicationState.Waitlisted ? r.DecidedAt : r.AppliedAt).ThenBy(r => r.Id)
            .Select(r => new CohortApplicationRow(r.Id, r.IkmId, r.Name, r.Slug, r.Nib, r.ProvinceName, r.Verified, r.State, r.AppliedAt, r.DecidedAt,
                r.Note, r.Modules.ToHashSet(), r.CompletedAt, r.Participant?.TrainedOn, r.Participant?.CuratedOn))
            .ToList();
        var funnel = await CohortFunnels.CountAsync(db, cohort, Wib.Today(clock), cancellationToken);
        return new CohortStaffView(cohort.Id, cohort.Name, cohort.Slug, cohort.Description, cohort.StartsOn, cohort.EndsOn, cohort.Province?.Name,
            cohort.Capacity, [.. cohort.Modules.OrderBy(m => m.SortOrder).Select(m => new CohortModuleView(m.Id, m.Name, m.NameEn))],
            applications, funnel);
    }

    private static int StateOrder(CohortApplicationState state) => state switch
    {
        CohortApplicationState.Applied => 0,
        CohortApplicationState.Accepted => 1,
        CohortApplicationState.Waitlisted => 2,
        _ => 3,
    };
}
