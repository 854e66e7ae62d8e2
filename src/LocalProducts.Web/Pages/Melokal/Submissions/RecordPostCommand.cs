using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Melokal.Submissions;

/// Records a post of an approved entry with a snapshot of its figures. A post is its entry,
/// platform and address (<see cref="SocialPlatforms.PostUrlKey"/>): the same address again adds a
/// snapshot to the post already there, and the same post and time again adds nothing. Used by the
/// influencer's own page (<see cref="MetricsSource.Influencer"/>) and by staff
/// (<see cref="MetricsSource.Staff"/>); errors name the fields of a <see cref="PostFiguresForm"/>
/// bound as "Input".
public sealed class RecordPostCommand(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<RecordPostCommand> logger)
{
    private const string Prefix = "Input.";

    public async Task<CommandResult> RunAsync(int roundId, int entryId, PostFiguresForm form, MetricsSource source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var round = await db.InfluencerRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        var status = await db.RoundEntries.AsNoTracking().Where(e => e.Id == entryId && e.RoundId == roundId)
            .Select(e => (EntryStatus?)e.Status).SingleOrDefaultAsync(cancellationToken);
        if (round is null || status is null)
        {
            return CommandResult.NotFound;
        }
        if (status != EntryStatus.Approved)
        {
            return CommandResult.Invalid("", text["Unggahan hanya dapat dicatat untuk peserta yang sudah disetujui."]);
        }
        if (!round.TakesPosts)
        {
            return CommandResult.Invalid("", text["Putaran ini tidak menerima unggahan lagi."]);
        }

        var errors = new List<FormError>();
        var platform = ReadPlatform(round, form.Platform, errors);
        var urlKey = platform is { } p ? ReadUrl(p, form.Url, errors) : null;
        var postedAt = ReadPostedAt(round, form.PostedAt, now, errors, out var outsideWindow);
        var takenAt = ReadTakenAt(form.TakenAt, postedAt, now, errors);
        if (form.ProductId is { } productId
            && !await RoundProducts.Of(db, roundId).AnyAsync(pr => pr.Id == productId, cancellationToken))
        {
            errors.Add(new(Prefix + nameof(form.ProductId), text["Pilih produk dari daftar produk putaran ini."]));
        }
        var followers = ReadFigure(form.Followers, nameof(form.Followers), text["Pengikut"], FigureText.MaxFollowers, errors);
        var likes = ReadFigure(form.Likes, nameof(form.Likes), text["Suka"], FigureText.MaxCount, errors);
        var comments = ReadFigure(form.Comments, nameof(form.Comments), text["Komentar"], FigureText.MaxCount, errors);
        var shares = ReadFigure(form.Shares, nameof(form.Shares), text["Dibagikan"], FigureText.MaxCount, errors);
        var saves = ReadFigure(form.Saves, nameof(form.Saves), text["Disimpan"], FigureText.MaxCount, errors);
        var views = ReadFigure(form.Views, nameof(form.Views), text["Ditonton"], FigureText.MaxCount, errors);
        if (errors.Count == 0 && followers is null && likes is null && comments is null && shares is null && saves is null && views is null)
        {
            errors.Add(new("", text["Isi setidaknya satu angka. Kosongkan hanya angka yang disembunyikan platform."]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var post = await db.RoundPosts.SingleOrDefaultAsync(
            x => x.EntryId == entryId && x.Platform == platform!.Value && x.UrlKey == urlKey, cancellationToken);
        var isNew = post is null;
        if (post is null)
        {
            post = new RoundPost
            {
                RoundId = roundId,
                EntryId = entryId,
                Platform = platform!.Value,
                Url = form.Url!.Trim(),
                UrlKey = urlKey!,
                PostedAt = postedAt!.Value,
                ProductId = form.ProductId,
                Source = source,
                CreatedAt = now,
            };
            db.RoundPosts.Add(post);
        }
        else
        {
            // The post stays as first recorded; a product can still be named later.
            post.ProductId ??= form.ProductId;
            if (await db.MetricSnapshots.AnyAsync(s => s.PostId == post.Id && s.TakenAt == takenAt!.Value, cancellationToken))
            {
                return AlreadyRecorded();
            }
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.MetricSnapshots.Add(new MetricSnapshot
            {
                PostId = post.Id,
                TakenAt = takenAt!.Value,
                Followers = followers,
                Likes = likes,
                Comments = comments,
                Shares = shares,
                Saves = saves,
                Views = views,
                Source = source,
                RecordedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same form sent twice at once: the first one counts.
            return AlreadyRecorded();
        }
        logger.LogInformation("Round {RoundId}, entry {EntryId}: post {PostId} {Change} from {Source}", roundId, entryId, post.Id,
            isNew ? "recorded" : "given a new snapshot", source);

        var notice = isNew ? text["Unggahan dicatat."].Value : text["Angka baru ditambahkan ke unggahan yang sudah tercatat."].Value;
        if (outsideWindow)
        {
            notice += " " + text["Perhatian: waktu unggahnya di luar masa pantau, jadi unggahan ini tidak dihitung."];
        }
        return CommandResult.Saved(notice);
    }

    private CommandResult AlreadyRecorded() =>
        CommandResult.Saved(text["Angka unggahan ini untuk waktu itu sudah tercatat; tidak ada yang ditambahkan."]);

    private SocialPlatform? ReadPlatform(InfluencerRound round, string? typed, List<FormError> errors)
    {
        var field = Prefix + nameof(PostFiguresForm.Platform);
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.Add(new(field, text["Pilih platform."]));
            return null;
        }
        if (!SocialPlatforms.TryParse(typed, out var platform))
        {
            errors.Add(new(field, text["Platform \"{0}\" tidak dikenal. Pilih Instagram, TikTok, YouTube, X atau Facebook.", typed.Trim()]));
            return null;
        }
        if (!round.Platforms.Contains(platform))
        {
            errors.Add(new(field, text["{0} tidak dihitung di putaran ini.", SocialPlatforms.NameOf(platform)]));
            return null;
        }
        return platform;
    }

    private string? ReadUrl(SocialPlatform platform, string? typed, List<FormError> errors)
    {
        var field = Prefix + nameof(PostFiguresForm.Url);
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.Add(new(field, text["Isi alamat unggahan."]));
            return null;
        }
        var key = SocialPlatforms.PostUrlKey(platform, typed);
        if (key is null)
        {
            errors.Add(new(field, text["Alamat ini bukan alamat unggahan {0}. Salin alamatnya dari tombol Bagikan di aplikasi.", SocialPlatforms.NameOf(platform)]));
        }
        return key;
    }

    private DateTimeOffset? ReadPostedAt(InfluencerRound round, string? typed, DateTimeOffset now, List<FormError> errors, out bool outsideWindow)
    {
        outsideWindow = false;
        var field = Prefix + nameof(PostFiguresForm.PostedAt);
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.Add(new(field, text["Isi waktu unggah."]));
            return null;
        }
        if (!WibTimeText.TryParse(typed, out var postedAt))
        {
            errors.Add(new(field, text["Waktu tidak terbaca. Tulis seperti 2026-01-15 19:30."]));
            return null;
        }
        switch (PostTiming.Check(round, postedAt, now))
        {
            case PostTimingCheck.Future:
                errors.Add(new(field, text["Waktu unggah tidak boleh di masa depan."]));
                return null;
            case PostTimingCheck.FarOutsideWindow:
                var culture = CultureInfo.CurrentCulture;
                errors.Add(new(field, text["Waktu unggah jauh di luar masa pantau ({0} – {1}); periksa lagi tanggalnya.",
                    Wib.FormatDate(round.WindowStartsOn, culture), Wib.FormatDate(round.WindowEndsOn, culture)]));
                return null;
            case PostTimingCheck.OutsideWindow:
                outsideWindow = true;
                break;
        }
        return postedAt;
    }

    private DateTimeOffset? ReadTakenAt(string? typed, DateTimeOffset? postedAt, DateTimeOffset now, List<FormError> errors)
    {
        var field = Prefix + nameof(PostFiguresForm.TakenAt);
        DateTimeOffset takenAt;
        if (string.IsNullOrWhiteSpace(typed))
        {
            // To the minute: the same form sent twice in a row is one snapshot.
            takenAt = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), now.Offset);
        }
        else if (!WibTimeText.TryParse(typed, out takenAt))
        {
            errors.Add(new(field, text["Waktu tidak terbaca. Tulis seperti 2026-01-15 19:30."]));
            return null;
        }
        else if (takenAt > now + PostTiming.FutureSlack)
        {
            errors.Add(new(field, text["Waktu data tidak boleh di masa depan."]));
            return null;
        }
        if (postedAt is { } posted && takenAt < posted)
        {
            errors.Add(new(field, text["Waktu data tidak boleh sebelum waktu unggah."]));
            return null;
        }
        return takenAt.ToUniversalTime();
    }

    private int? ReadFigure(string? typed, string name, string label, int max, List<FormError> errors)
    {
        var reading = FigureText.Read(typed, max);
        LocalizedString? problem = reading.Problem switch
        {
            FigureProblem.NotANumber => text["{0} harus berupa angka bulat, misalnya 1250 atau 1.250.", label],
            FigureProblem.Negative => text["{0} tidak boleh negatif.", label],
            FigureProblem.TooLarge => text["{0} terlalu besar; periksa lagi angkanya.", label],
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(new(Prefix + name, problem.Value));
        }
        return reading.Value;
    }
}
