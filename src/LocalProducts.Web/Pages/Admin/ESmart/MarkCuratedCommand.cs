using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// Staff choose a trained participant of the cohort for the marketplaces' showcase (curated).
public sealed class MarkCuratedCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CommandResult> RunAsync(int cohortId, int applicationId, Guid staffId, CancellationToken cancellationToken)
    {
        var application = await db.CohortApplications.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.CohortId == cohortId, cancellationToken);
        if (application is null)
        {
            return CommandResult.NotFound;
        }
        var participant = await db.ESmartParticipants.SingleOrDefaultAsync(p => p.IkmId == application.IkmId, cancellationToken);
        if (application.CompletedAt is null || participant?.TrainedOn is null)
        {
            return CommandResult.Invalid("", text["Hanya peserta yang sudah lulus yang dapat dikurasi."]);
        }
        participant.Curated(Wib.Today(clock));
        audit.Record(staffId, "esmart-curated", nameof(ESmartParticipant), participant.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["cohort"] = cohortId, ["ikm"] = application.IkmId });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Saved(text["IKM ditandai terkurasi."]);
    }
}
