using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Pages.ESmart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Dashboard.ESmart;

/// A verified IKM applies to an open cohort (online or in its province). The first application
/// registers the IKM in the programme (its participant row, under its main category).
public sealed class ApplyToCohortCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CommandResult> RunAsync(Guid ownerId, int cohortId, CancellationToken cancellationToken)
    {
        var ikm = await db.Ikms.Where(i => i.OwnerId == ownerId).OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        if (ikm is null)
        {
            return CommandResult.Invalid("", text["Daftarkan usaha Anda dulu."]);
        }
        if (!ikm.IsVerified)
        {
            return CommandResult.Invalid("", text["Hanya IKM terverifikasi yang dapat mendaftar e-Smart IKM. Tunggu verifikasi usaha Anda oleh staf."]);
        }
        var cohort = await db.ESmartCohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId, cancellationToken);
        var today = Wib.Today(clock);
        if (cohort is null || (cohort.ProvinceCode is not null && cohort.ProvinceCode != ikm.ProvinceCode))
        {
            return CommandResult.NotFound;
        }
        if (!cohort.TakesApplicationsOn(today))
        {
            return CommandResult.Invalid("", text["Pendaftaran kelas ini sudah ditutup."]);
        }
        if (await db.CohortApplications.AnyAsync(a => a.CohortId == cohortId && a.IkmId == ikm.Id, cancellationToken))
        {
            return CommandResult.Invalid("", text["Anda sudah mendaftar ke kelas ini."]);
        }
        var now = clock.GetUtcNow();
        var application = CohortApplication.Create(cohortId, ikm.Id, now, ownerId);
        db.CohortApplications.Add(application);
        if (!await db.ESmartParticipants.AnyAsync(p => p.IkmId == ikm.Id, cancellationToken))
        {
            db.ESmartParticipants.Add(ESmartParticipant.ForIkm(ikm, await MainCategory.OfAsync(db, ikm.Id, cancellationToken), today));
        }
        audit.Record(ownerId, "esmart-applied", nameof(ESmartCohort), cohortId.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["ikm"] = ikm.Id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Two submits at once: the unique index kept one.
            return CommandResult.Invalid("", text["Anda sudah mendaftar ke kelas ini."]);
        }
        return CommandResult.Saved(text["Pendaftaran terkirim. Staf akan memutuskan sebelum kelas dimulai."]);
    }
}
