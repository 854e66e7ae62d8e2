using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// The completion grid's one save: every ticked participant × module ("applicationId-moduleId")
/// is marked done. A completion is never undone (the badge it led to stays), so the grid only adds.
public sealed class SaveCompletionGridCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CommandResult> RunAsync(int cohortId, IEnumerable<string> ticked, Guid staffId, CancellationToken cancellationToken)
    {
        if (!await db.ESmartCohorts.AnyAsync(c => c.Id == cohortId, cancellationToken))
        {
            return CommandResult.NotFound;
        }
        var done = new HashSet<(int, int)>();
        foreach (var value in ticked)
        {
            var parts = value.Split('-');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var applicationId)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var moduleId))
            {
                done.Add((applicationId, moduleId));
            }
        }
        var (marked, graduated) = await CohortCompletions.MarkAsync(db, audit, clock, cohortId, done, staffId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(text["{0} modul ditandai selesai; {1} IKM lulus.", marked, graduated]);
    }
}
