using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Pages.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// Marks modules completed for a cohort's accepted participants (from the grid or a CSV file).
/// An application that thereby completes every module graduates its IKM (the e-Smart IKM badge)
/// and makes its participant row trained. The caller saves.
public static class CohortCompletions
{
    /// Returns how many modules were newly marked and how many IKM graduated.
    public static async Task<(int Marked, int Graduated)> MarkAsync(
        AppDbContext db, AuditLog audit, TimeProvider clock, int cohortId, IReadOnlyCollection<(int ApplicationId, int ModuleId)> done, Guid staffId, CancellationToken cancellationToken)
    {
        var modules = await db.CohortModules.Where(m => m.CohortId == cohortId).ToListAsync(cancellationToken);
        var applicationIds = done.Select(d => d.ApplicationId).Distinct().ToList();
        var applications = await db.CohortApplications.Include(a => a.Completions)
            .Where(a => a.CohortId == cohortId && applicationIds.Contains(a.Id) && a.State == CohortApplicationState.Accepted)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = Wib.Today(clock);
        int marked = 0, graduated = 0;
        foreach (var application in applications)
        {
            var before = application.Completions.Count;
            var completedAll = false;
            foreach (var module in modules.Where(m => done.Contains((application.Id, m.Id))))
            {
                completedAll |= application.CompleteModule(module, modules, now, staffId);
            }
            marked += application.Completions.Count - before;
            if (completedAll)
            {
                graduated++;
                await GraduateAsync(db, audit, application, today, staffId, cancellationToken);
            }
        }
        return (marked, graduated);
    }

    private static async Task GraduateAsync(AppDbContext db, AuditLog audit, CohortApplication application, DateOnly today, Guid staffId, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.SingleAsync(i => i.Id == application.IkmId, cancellationToken);
        // Through the change tracker: the catalogue's cached pages are evicted for the badge.
        ikm.GraduateFromESmart(today);
        var participant = await db.ESmartParticipants.SingleOrDefaultAsync(p => p.IkmId == ikm.Id, cancellationToken);
        if (participant is null)
        {
            participant = ESmartParticipant.ForIkm(ikm, await MainCategory.OfAsync(db, ikm.Id, cancellationToken), today);
            db.ESmartParticipants.Add(participant);
        }
        participant.Trained(today);
        audit.Record(staffId, "esmart-completed", nameof(CohortApplication), application.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["cohort"] = application.CohortId, ["ikm"] = ikm.Id });
    }
}
