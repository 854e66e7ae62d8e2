using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.ESmart;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.ESmart;

/// Staff accept or decline an application. Both run under the cohort's row lock, so two accepts
/// at once count the seats one after the other and never fill more than the capacity; a seat
/// freed by a decline goes to the first on the waiting list.
public sealed class DecideApplicationCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text)
{
    public async Task<CommandResult> AcceptAsync(int cohortId, int applicationId, Guid staffId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cohort = await LockCohortAsync(cohortId, cancellationToken);
        var application = await db.CohortApplications.SingleOrDefaultAsync(a => a.Id == applicationId && a.CohortId == cohortId, cancellationToken);
        if (cohort is null || application is null)
        {
            return CommandResult.NotFound;
        }
        if (application.State is not (CohortApplicationState.Applied or CohortApplicationState.Waitlisted))
        {
            return CommandResult.Invalid("", text["Lamaran ini sudah diputuskan."]);
        }
        var seatsTaken = await SeatsTakenAsync(cohortId, cancellationToken);
        var state = application.Accept(seatsTaken, cohort.Capacity, clock.GetUtcNow(), staffId);
        audit.Record(staffId, state == CohortApplicationState.Accepted ? "esmart-accepted" : "esmart-waitlisted", nameof(CohortApplication),
            application.Id.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?> { ["cohort"] = cohortId, ["ikm"] = application.IkmId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Saved(state == CohortApplicationState.Accepted
            ? text["Lamaran diterima."]
            : text["Kelas sudah penuh: lamaran masuk daftar tunggu."]);
    }

    public async Task<CommandResult> DeclineAsync(int cohortId, int applicationId, string? note, Guid staffId, CancellationToken cancellationToken)
    {
        if (note is { Length: > CohortApplication.NoteMaxLength })
        {
            return CommandResult.Invalid("", text["Catatan paling banyak {0} karakter.", CohortApplication.NoteMaxLength]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cohort = await LockCohortAsync(cohortId, cancellationToken);
        var application = await db.CohortApplications.Include(a => a.Completions)
            .SingleOrDefaultAsync(a => a.Id == applicationId && a.CohortId == cohortId, cancellationToken);
        if (cohort is null || application is null)
        {
            return CommandResult.NotFound;
        }
        if (application.State is CohortApplicationState.Declined or CohortApplicationState.Withdrawn)
        {
            return CommandResult.Invalid("", text["Lamaran ini sudah ditutup."]);
        }
        if (application.Completions.Count > 0)
        {
            return CommandResult.Invalid("", text["Peserta yang sudah menyelesaikan modul tidak dapat ditolak."]);
        }
        var now = clock.GetUtcNow();
        var heldSeat = application.HoldsSeat;
        application.Decline(note, now, staffId);
        audit.Record(staffId, "esmart-declined", nameof(CohortApplication), application.Id.ToString(CultureInfo.InvariantCulture),
            new Dictionary<string, object?> { ["cohort"] = cohortId, ["ikm"] = application.IkmId, ["note"] = application.Note });
        await db.SaveChangesAsync(cancellationToken);
        CohortApplication? promoted = null;
        if (heldSeat)
        {
            promoted = await db.CohortApplications
                .Where(a => a.CohortId == cohortId && a.State == CohortApplicationState.Waitlisted)
                .OrderBy(a => a.DecidedAt).ThenBy(a => a.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (promoted is not null
                && promoted.Accept(await SeatsTakenAsync(cohortId, cancellationToken), cohort.Capacity, now, staffId) == CohortApplicationState.Accepted)
            {
                audit.Record(staffId, "esmart-accepted", nameof(CohortApplication), promoted.Id.ToString(CultureInfo.InvariantCulture),
                    new Dictionary<string, object?> { ["cohort"] = cohortId, ["ikm"] = promoted.IkmId, ["from"] = "waiting-list" });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Saved(promoted is null
            ? text["Lamaran ditolak."]
            : text["Lamaran ditolak. Tempatnya diberikan kepada yang pertama di daftar tunggu."]);
    }

    private Task<ESmartCohort?> LockCohortAsync(int cohortId, CancellationToken cancellationToken) =>
        db.ESmartCohorts.FromSql($"SELECT *, xmin FROM esmart_cohorts WHERE id = {cohortId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);

    private Task<int> SeatsTakenAsync(int cohortId, CancellationToken cancellationToken) =>
        db.CohortApplications.CountAsync(a => a.CohortId == cohortId && a.State == CohortApplicationState.Accepted, cancellationToken);
}
