using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Pages.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Events;

/// Staff mark who came. The form lists every registration, so unticked means "did not come".
public sealed class MarkAttendanceCommand(AppDbContext db, TimeProvider clock)
{
    public async Task<bool> RunAsync(int eventId, IReadOnlySet<int> attended, CancellationToken cancellationToken)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, cancellationToken))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        foreach (var registration in await db.EventRegistrations.Where(r => r.EventId == eventId).ToListAsync(cancellationToken))
        {
            var came = attended.Contains(registration.Id) && registration.Status == RegistrationStatus.Confirmed;
            registration.AttendedAt = came ? registration.AttendedAt ?? now : null;
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// Staff cancel a registration (the person asked to); a freed place goes to the waiting list
/// (confirmed addresses, earliest first), who are told by e-mail. Under the event's row lock, like
/// a sign-up.
public sealed class CancelRegistrationCommand(
    AppDbContext db, PublicAddress site, TimeProvider clock, IEmailSender email, IStringLocalizer<SharedResource> text,
    ILogger<CancelRegistrationCommand> logger)
{
    public async Task<bool> RunAsync(int eventId, int registrationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ev = await db.Events.FromSql($"SELECT *, xmin FROM events WHERE id = {eventId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
        if (ev is null || registration is null || registration.Status == RegistrationStatus.Cancelled)
        {
            return false;
        }
        registration.Cancel();
        var promoted = await EventPlaces.FillFreedAsync(db, ev, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Registration {RegistrationId} for event {EventId} cancelled; {Promoted} promoted", registrationId, eventId, promoted.Count);
        foreach (var taker in promoted)
        {
            await email.SendAsync(new EmailMessage(taker.Email, text["Ada tempat untuk Anda: {0}", ev.Title],
                EventMail.Body(text, ev, taker, site.Absolute($"/acara/{ev.Slug}/kalender.ics"))), cancellationToken);
        }
        return true;
    }
}
