using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Pages.Melokal.SignUp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Events;

/// The registrant followed the link mailed to them: the address is theirs. A held place becomes
/// theirs (or, if the hold ran out meanwhile, a free place or the waiting list), and the e-mail
/// with the calendar link follows. Under the event's row lock, like a sign-up.
public sealed class ConfirmRegistrationCommand(
    AppDbContext db, PublicAddress site, TimeProvider clock, IEmailSender email, EventRoundsQuery melokalRounds, IStringLocalizer<SharedResource> text,
    ILogger<ConfirmRegistrationCommand> logger)
{
    public async Task<CommandResult> RunAsync(string slug, int registrationId, string? code, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ev = await db.Events.FromSql($"SELECT *, xmin FROM events WHERE slug = {slug} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (ev is null || ev.State == EventState.Draft)
        {
            return CommandResult.NotFound;
        }
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.Id == registrationId && r.EventId == ev.Id, cancellationToken);
        if (registration is null || !registration.IsConfirmationCode(code) || registration.Status == RegistrationStatus.Cancelled)
        {
            return CommandResult.Invalid("", text["Tautan konfirmasi ini tidak berlaku. Mungkin pendaftarannya sudah dibatalkan atau tautannya terpotong; daftar lagi dari halaman acara."]);
        }
        if (registration.Status == RegistrationStatus.Confirmed)
        {
            return CommandResult.Saved(text["Pendaftaran Anda sudah dikonfirmasi sebelumnya."], registration.Id);
        }
        if (!ev.TakesRegistrationsAt(now))
        {
            return CommandResult.Invalid("", text["Pendaftaran acara ini sudah ditutup."]);
        }
        var placeFree = await EventPlaces.TakenAsync(db, ev.Id, now, registration.Id, cancellationToken) < ev.Capacity;
        var status = registration.ConfirmEmail(now, placeFree);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Registration {RegistrationId} for event {EventId} confirmed by e-mail: {Status}", registration.Id, ev.Id, status);

        // An influencer is pointed on to the Melokal round that follows the event, if one is open.
        var melokalSignUp = await melokalRounds.SignUpLinkForRegistrationAsync(registration.Id, cancellationToken);
        await email.SendAsync(new EmailMessage(registration.Email,
            status == RegistrationStatus.Confirmed ? text["Pendaftaran diterima: {0}", ev.Title] : text["Anda di daftar tunggu: {0}", ev.Title],
            EventMail.Body(text, ev, registration, site.Absolute($"/acara/{ev.Slug}/kalender.ics"),
                melokalSignUp is null ? null : site.Absolute(melokalSignUp))), cancellationToken);
        return CommandResult.Saved(status == RegistrationStatus.Confirmed
            ? text["Terima kasih, tempat Anda sudah dicatat. Konfirmasi kami kirim ke e-mail Anda."]
            : text["Semua tempat sudah terisi: Anda ada di daftar tunggu. Kami kabari lewat e-mail bila ada tempat."], registration.Id);
    }
}

/// Holds that ran out unconfirmed give their places back; the waiting list (confirmed addresses,
/// earliest first) takes them and is told by e-mail. Run by <see cref="ExpiredHoldsJob"/>.
public sealed class ReleaseExpiredHoldsCommand(
    AppDbContext db, PublicAddress site, IEmailSender email, IStringLocalizer<SharedResource> text, ILogger<ReleaseExpiredHoldsCommand> logger)
{
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var eventIds = await db.EventRegistrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Held && r.HoldExpiresAt <= now)
            .Select(r => r.EventId).Distinct().ToListAsync(cancellationToken);
        var released = 0;
        foreach (var eventId in eventIds)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var ev = await db.Events.FromSql($"SELECT *, xmin FROM events WHERE id = {eventId} FOR UPDATE").SingleAsync(cancellationToken);
            var expired = await db.EventRegistrations
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Held && r.HoldExpiresAt <= now)
                .ToListAsync(cancellationToken);
            released += expired.Count(r => r.ExpireHold(now));
            var promoted = await EventPlaces.FillFreedAsync(db, ev, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Event {EventId}: {Expired} holds ran out, {Promoted} from the waiting list got a place", eventId, expired.Count, promoted.Count);
            foreach (var registration in promoted)
            {
                await email.SendAsync(new EmailMessage(registration.Email, text["Ada tempat untuk Anda: {0}", ev.Title],
                    EventMail.Body(text, ev, registration, site.Absolute($"/acara/{ev.Slug}/kalender.ics"))), cancellationToken);
            }
            db.ChangeTracker.Clear();
        }
        return released;
    }
}

/// Every minute, once across all instances.
public sealed class ExpiredHoldsJob : ScheduledJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public ExpiredHoldsJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExpiredHoldsJob> logger)
        : base(scopes, clock, logger)
    {
        _scopes = scopes;
        _clock = clock;
    }

    protected override string Name => "release-expired-event-holds";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    // Its own scope and transactions: the job's row lock is not held while e-mails go out.
    protected override async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ReleaseExpiredHoldsCommand>().RunAsync(_clock.GetUtcNow(), cancellationToken);
    }
}
