using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Events;

public sealed record EventRegistrationRequest(string Name, string Email, string? WhatsApp, RegistrantRole Role);

/// Signs someone up for an event. A place is only held until the e-mail is confirmed through the
/// mailed link (anyone can type anyone's address); a hold that runs out goes to the waiting list
/// (<see cref="ExpiredHoldsJob"/>). Places are counted under a row lock on the event, so two
/// sign-ups at the same moment cannot both take the last place; the unique (event, e-mail) index
/// catches a double submit.
public sealed class RegisterForEventCommand(
    AppDbContext db, PostgresRateLimiter limiter, PublicAddress site, TimeProvider clock, IEmailSender email, IStringLocalizer<SharedResource> text,
    ILogger<RegisterForEventCommand> logger)
{
    public async Task<CommandResult> RunAsync(string slug, EventRegistrationRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Each registration mails the address: a few an hour per address, whoever asks.
        if (!(await limiter.HitAsync(RateLimitBuckets.EventRegistrationEmail, RateLimitKeys.ForEmail(request.Email), cancellationToken)).Allowed)
        {
            logger.LogWarning("Event registration refused: too many for one e-mail address");
            return CommandResult.Invalid("", text["Terlalu banyak pendaftaran dengan e-mail ini dalam satu jam terakhir. Coba lagi nanti."]);
        }
        var emailKey = EventRegistration.KeyOf(request.Email);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ev = await db.Events.FromSql($"SELECT *, xmin FROM events WHERE slug = {slug} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
        if (ev is null || ev.State == EventState.Draft)
        {
            return CommandResult.NotFound;
        }
        if (!ev.TakesRegistrationsAt(now))
        {
            return CommandResult.Invalid("", text["Pendaftaran acara ini sudah ditutup."]);
        }
        if (await db.EventRegistrations.AnyAsync(
            r => r.EventId == ev.Id && r.EmailKey == emailKey && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Expired, cancellationToken))
        {
            return AlreadyRegistered();
        }
        var taken = await db.EventRegistrations.Where(r => r.EventId == ev.Id).CountAsync(EventRegistration.TakesAPlaceAt(now), cancellationToken);
        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == ev.Id && r.EmailKey == emailKey, cancellationToken);
        var status = CampaignEvent.StatusForNewRegistration(taken, ev.Capacity);
        if (registration is null)
        {
            registration = new EventRegistration
            {
                EventId = ev.Id,
                Name = PersonName.SingleLine(request.Name),
                Email = request.Email,
                WhatsApp = request.WhatsApp,
                Role = request.Role,
                RegisteredAt = now,
            };
            db.EventRegistrations.Add(registration);
        }
        else
        {
            // Signed up before and cancelled, or let the hold run out: sign up again, at the back
            // of the queue.
            registration.Name = PersonName.SingleLine(request.Name);
            registration.WhatsApp = request.WhatsApp;
            registration.Role = request.Role;
        }
        var code = registration.SignUp(status, now, ev.StartsAt);
        registration.NormaliseEmail();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyRegistered();
        }

        logger.LogInformation("Registration {RegistrationId} for event {EventId}: {Status}", registration.Id, ev.Id, status);
        var link = site.Absolute($"/acara/{ev.Slug}/konfirmasi?id={registration.Id}&kode={code}");
        await email.SendAsync(new EmailMessage(registration.Email, text["Konfirmasi pendaftaran: {0}", ev.Title],
            EventMail.ConfirmationBody(text, ev, registration, link)), cancellationToken);
        return CommandResult.Saved(status == RegistrationStatus.Held
            ? text["Tinggal satu langkah: buka tautan yang kami kirim ke e-mail Anda dalam 24 jam. Tempat Anda kami simpan sampai saat itu."]
            : text["Semua tempat sudah terisi. Buka tautan yang kami kirim ke e-mail Anda: dengan itu Anda masuk daftar tunggu dan kami kabari bila ada tempat."],
            registration.Id);
    }

    private CommandResult AlreadyRegistered() =>
        CommandResult.Invalid("", text["E-mail ini sudah terdaftar untuk acara ini. Cek kotak masuk Anda untuk konfirmasinya."]);
}

public static class EventMail
{
    /// The first e-mail: the link that confirms the address (and with it the place).
    public static string ConfirmationBody(IStringLocalizer text, CampaignEvent ev, EventRegistration registration, string confirmUrl)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        return string.Join('\n', new List<string>
        {
            text["Halo {0},", registration.Name],
            "",
            registration.Status == RegistrationStatus.Held
                ? text["kami menyimpan satu tempat untuk Anda di acara \"{0}\" sampai {1}. Buka tautan ini untuk memastikannya:", ev.Title,
                    Wib.FormatDateTime(registration.HoldExpiresAt!.Value, culture)]
                : text["semua tempat di acara \"{0}\" sudah terisi. Buka tautan ini agar kami dapat menawarkan tempat kepada Anda bila ada yang batal:", ev.Title],
            confirmUrl,
            "",
            text["Jika Anda tidak mendaftar, abaikan e-mail ini: tanpa konfirmasi, pendaftaran ini tidak berlaku."],
            "",
            "Melokal · Kementerian Perindustrian",
        });
    }

    public static string Body(IStringLocalizer text, CampaignEvent ev, EventRegistration registration, string calendarUrl, string? melokalSignUpUrl = null)
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        var lines = new List<string>
        {
            text["Halo {0},", registration.Name],
            "",
            registration.Status == RegistrationStatus.Confirmed
                ? text["tempat Anda di acara \"{0}\" sudah kami catat.", ev.Title]
                : text["semua tempat di acara \"{0}\" sudah terisi. Anda kami catat di daftar tunggu dan akan dikabari bila ada tempat.", ev.Title],
            "",
            text["Waktu: {0}", Wib.FormatDateTime(ev.StartsAt, culture)],
        };
        if (ev.Place is not null)
        {
            lines.Add(text["Tempat: {0}", ev.Place]);
        }
        if (ev.OnlineUrl is not null && registration.Status == RegistrationStatus.Confirmed)
        {
            lines.Add(text["Tautan daring: {0}", ev.OnlineUrl]);
        }
        lines.Add(text["Simpan ke kalender: {0}", calendarUrl]);
        if (melokalSignUpUrl is not null)
        {
            lines.Add("");
            lines.Add(text["Sebagai influencer, daftarkan akun media sosial Anda ke program Melokal setelah acara ini: {0}", melokalSignUpUrl]);
        }
        lines.Add("");
        lines.Add("Melokal · Kementerian Perindustrian");
        return string.Join('\n', lines);
    }
}
