using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

/// A handle as read from the form, with the form field its messages belong to.
public sealed record HandleSignUp(SocialPlatform Platform, string Handle, int Followers, string Field);

/// Signs an influencer up for an open round. The entry waits, unconfirmed and unseen by staff,
/// until the mailed link is followed: anyone can type anyone's address.
///
/// The profile (name, city, WhatsApp) is kept across rounds and found by e-mail. Typed details
/// only ever go into a profile that nobody has proven to own yet: a new one, or one whose every
/// entry is still unconfirmed. A profile whose address has been confirmed keeps its details, so a
/// stranger who types someone's address changes nothing of theirs (the round's handles are typed
/// anew for each round and only count once the owner of the address confirms them). Whether a
/// profile existed is never told: the answer is the same "check your e-mail" either way.
public sealed class SignUpForRoundCommand(
    AppDbContext db, PostgresRateLimiter limiter, PublicAddress site, TimeProvider clock, IEmailSender email, IStringLocalizer<SharedResource> text,
    ILogger<SignUpForRoundCommand> logger)
{
    public async Task<CommandResult> RunAsync(string campaignSlug, string roundSlug, SignUpForm form, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var round = await db.InfluencerRounds.AsNoTracking()
            .Where(r => r.Slug == roundSlug && r.Campaign!.Slug == campaignSlug && r.State != RoundState.Draft)
            .Select(r => new { r.Id, r.Title, r.State, r.Platforms, r.EventId, CampaignName = r.Campaign!.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (round.State != RoundState.OpenForSignUp)
        {
            return CommandResult.Invalid("", text["Pendaftaran putaran ini sudah ditutup."]);
        }

        var errors = new List<FormError>();
        var whatsApp = WhatsAppNumber.Normalize(form.WhatsApp);
        if (!string.IsNullOrWhiteSpace(form.WhatsApp) && whatsApp is null)
        {
            errors.Add(new("Input.WhatsApp", text["Nomor WhatsApp tidak valid. Tulis seperti 0812 3456 7890 atau +62 812 3456 7890."]));
        }
        var handles = ReadHandles(round.Platforms, form, errors);
        if (errors.Count == 0 && handles.Count == 0)
        {
            errors.Add(new("", text["Isi setidaknya satu akun media sosial beserta jumlah pengikutnya."]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        // Each sign-up mails the address: a few an hour per address, whoever asks.
        if (!(await limiter.HitAsync(RateLimitBuckets.MelokalSignUpEmail, RateLimitKeys.ForEmail(form.Email), cancellationToken)).Allowed)
        {
            logger.LogWarning("Melokal sign-up refused: too many for one e-mail address");
            return CommandResult.Invalid("", text["Terlalu banyak pendaftaran dengan e-mail ini dalam satu jam terakhir. Coba lagi nanti."]);
        }

        var emailKey = Influencer.KeyOf(form.Email);
        var name = PersonName.SingleLine(form.Name);
        var city = PersonName.SingleLine(form.City);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var influencer = await db.Influencers.SingleOrDefaultAsync(i => i.EmailKey == emailKey, cancellationToken);
        var entry = influencer is null ? null
            : await db.RoundEntries.SingleOrDefaultAsync(e => e.RoundId == round.Id && e.InfluencerId == influencer.Id, cancellationToken);
        if (entry is not null && entry.Status != EntryStatus.Unconfirmed)
        {
            return AlreadySignedUp();
        }
        var entryId = entry?.Id ?? 0;
        var staleBefore = now - RoundEntry.UnconfirmedHoldsFor;
        foreach (var handle in handles)
        {
            var key = EntryHandle.KeyOf(handle.Handle);
            // A sign-up nobody confirmed within the hold does not keep the handle from its owner.
            await db.RoundEntries
                .Where(e => e.RoundId == round.Id && e.Id != entryId && e.Status == EntryStatus.Unconfirmed && e.SignedUpAt < staleBefore
                    && e.Handles.Any(h => h.Platform == handle.Platform && h.HandleKey == key))
                .ExecuteDeleteAsync(cancellationToken);
            if (await db.EntryHandles.AnyAsync(h => h.RoundId == round.Id && h.Platform == handle.Platform && h.HandleKey == key && h.EntryId != entryId, cancellationToken))
            {
                errors.Add(new(handle.Field, HandleTaken(handle)));
            }
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        if (influencer is null)
        {
            influencer = new Influencer { Name = name, City = city, Email = form.Email, WhatsApp = whatsApp, CreatedAt = now, UpdatedAt = now };
            influencer.NormaliseEmail();
            db.Influencers.Add(influencer);
        }
        else if (!await db.RoundEntries.AnyAsync(e => e.InfluencerId == influencer.Id && e.EmailConfirmedAt != null, cancellationToken))
        {
            // Nobody has shown this address is theirs yet: the latest typed details stand.
            influencer.Name = name;
            influencer.City = city;
            influencer.WhatsApp = whatsApp;
            influencer.UpdatedAt = now;
        }
        var resent = entry is not null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (entry is null)
            {
                entry = new RoundEntry { RoundId = round.Id, InfluencerId = influencer.Id, SignedUpAt = now };
                db.RoundEntries.Add(entry);
            }
            else
            {
                // Signed up before without confirming: what was typed last is what the link confirms.
                await db.EntryHandles.Where(h => h.EntryId == entry.Id).ExecuteDeleteAsync(cancellationToken);
            }
            entry.SetHandles(handles.Select(h => EntryHandle.Create(round.Id, h.Platform, h.Handle, h.Followers)));
            entry.EventRegistrationId ??= await FromEventRegistrationAsync(form.EventRegistrationId, round.EventId, emailKey, cancellationToken);
            var code = entry.StartConfirmation();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation("Melokal sign-up {EntryId} for round {RoundId} (confirmation {Sent})", entry.Id, round.Id, resent ? "sent again" : "sent");
            var link = site.Absolute($"{RoundSignUpPaths.Confirm(campaignSlug, roundSlug)}?id={entry.Id}&kode={code}");
            await email.SendAsync(new EmailMessage(form.Email.Trim(), text["Konfirmasi pendaftaran Melokal: {0}", round.Title],
                ConfirmationBody(name, round.Title, round.CampaignName, link)), cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            // Two sign-ups at the same moment: the unique indexes decide.
            return unique.ConstraintName == "ix_entry_handles_round_id_platform_handle_key"
                ? CommandResult.Invalid("", text["Salah satu akun itu sudah didaftarkan orang lain di putaran ini."])
                : AlreadySignedUp();
        }
        return CommandResult.Saved(resent
            ? text["Anda sudah terdaftar di putaran ini, tetapi e-mailnya belum dikonfirmasi. Kami kirim ulang tautan konfirmasi: cek e-mail Anda."]
            : text["Tinggal satu langkah: buka tautan yang kami kirim ke e-mail Anda untuk mengonfirmasi pendaftaran."], entry.Id);
    }

    private List<HandleSignUp> ReadHandles(SocialPlatform[] platforms, SignUpForm form, List<FormError> errors)
    {
        var handles = new List<HandleSignUp>();
        for (var i = 0; i < form.Handles.Count; i++)
        {
            var input = form.Handles[i];
            var field = $"Input.Handles[{i}].Handle";
            var followersField = $"Input.Handles[{i}].Followers";
            var typedHandle = !string.IsNullOrWhiteSpace(input.Handle);
            if (!typedHandle && string.IsNullOrWhiteSpace(input.Followers))
            {
                continue;
            }
            if (!platforms.Contains(input.Platform))
            {
                errors.Add(new(field, text["Platform ini tidak dihitung di putaran ini."]));
                continue;
            }
            if (!typedHandle)
            {
                errors.Add(new(field, text["Isi nama akunnya, atau kosongkan jumlah pengikut."]));
                continue;
            }
            switch (HandleText.Check(input.Handle!))
            {
                case HandleProblem.HasSpaces:
                    errors.Add(new(field, text["Nama akun tidak boleh berisi spasi. Tulis seperti @nama.akun."]));
                    continue;
                case HandleProblem.TooLong:
                    errors.Add(new(field, text["Nama akun paling banyak {0} karakter.", EntryHandle.HandleMaxLength]));
                    continue;
                case HandleProblem.NotAHandle:
                    errors.Add(new(field, text["Tulis nama akunnya saja (huruf, angka, titik, garis bawah), bukan alamat halaman."]));
                    continue;
            }
            var followers = FigureText.Read(input.Followers, FigureText.MaxFollowers);
            LocalizedString? problem = followers.Problem switch
            {
                FigureProblem.NotANumber => text["Jumlah pengikut harus berupa angka, misalnya 12500 atau 12.500."],
                FigureProblem.Negative => text["Jumlah pengikut tidak boleh negatif."],
                FigureProblem.TooLarge => text["Jumlah pengikut itu terlalu besar; periksa lagi angkanya."],
                _ when followers.Value is null => text["Isi jumlah pengikut akun ini."],
                _ => null,
            };
            if (problem is not null)
            {
                errors.Add(new(followersField, problem.Value));
                continue;
            }
            handles.Add(new HandleSignUp(input.Platform, EntryHandle.Clean(input.Handle!), followers.Value!.Value, field));
        }
        return handles;
    }

    /// The event registration is recorded only when it is the same person's: a registration as
    /// influencer for the round's event, confirmed, under the same e-mail. Any other id is ignored.
    private async Task<int?> FromEventRegistrationAsync(int? registrationId, int? eventId, string emailKey, CancellationToken cancellationToken)
    {
        if (registrationId is not { } id || eventId is not { } ev)
        {
            return null;
        }
        var matches = await db.EventRegistrations.AnyAsync(
            r => r.Id == id && r.EventId == ev && r.EmailKey == emailKey && r.Role == RegistrantRole.Influencer && r.EmailConfirmedAt != null, cancellationToken);
        return matches ? id : null;
    }

    private string HandleTaken(HandleSignUp handle) =>
        text["Akun @{0} di {1} sudah didaftarkan orang lain di putaran ini.", handle.Handle, SocialPlatforms.NameOf(handle.Platform)];

    private CommandResult AlreadySignedUp() =>
        CommandResult.Invalid("", text["E-mail ini sudah terdaftar di putaran ini. Tidak perlu mendaftar lagi; kabar dari staf dikirim lewat e-mail."]);

    private string ConfirmationBody(string name, string roundTitle, string campaignName, string confirmUrl) => string.Join('\n', new List<string>
    {
        text["Halo {0},", name],
        "",
        text["terima kasih telah mendaftar program Melokal \"{0}\" ({1}). Buka tautan ini untuk memastikan bahwa alamat e-mail ini milik Anda:", roundTitle, campaignName],
        confirmUrl,
        "",
        text["Setelah itu staf memeriksa pendaftaran Anda dan mengabari Anda lewat e-mail."],
        text["Jika Anda tidak mendaftar, abaikan e-mail ini: tanpa konfirmasi, pendaftaran ini tidak berlaku."],
        "",
        "Melokal · Kementerian Perindustrian",
    });
}
