using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// Creates or edits a round under its row lock. The settings that decide scores (campaign, event,
/// address, window, platforms, products, thresholds) change only while the round is a draft or
/// open for sign-up; afterwards only the title, the rules and (until it is final) the prizes do,
/// and whatever else the form sends is ignored.
public sealed class SaveRoundCommand(AppDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<SaveRoundCommand> logger)
{
    public const decimal MaximumJumpPercent = 100;
    public const int MaximumJumpPerDay = 10_000_000;
    public const int MaximumRank = 100;

    /// fieldsValid tells whether binding and the form's attributes took every field: the command
    /// still checks its own rules, so every message shows at once, but saves only when both pass.
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int? id, RoundForm form, bool fieldsValid, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        InfluencerRound round;
        if (id is { } roundId)
        {
            var locked = await db.InfluencerRounds.FromSql($"SELECT *, xmin FROM influencer_rounds WHERE id = {roundId} FOR UPDATE")
                .SingleOrDefaultAsync(cancellationToken);
            if (locked is null)
            {
                return CommandResult.NotFound;
            }
            round = locked;
            await db.Entry(round).Collection(r => r.Prizes).LoadAsync(cancellationToken);
            if (round.Version != form.Version)
            {
                return CommandResult.Conflicted(Snapshot(round, form),
                    text["Putaran ini baru saja disimpan orang lain. Bandingkan versi tersimpan dengan isian Anda; isian Anda belum disimpan. Simpan lagi untuk menimpa versi tersimpan."]);
            }
        }
        else
        {
            round = new InfluencerRound { Slug = "", Title = "", CreatedAt = now };
        }

        var errors = new List<FormError>();
        var settings = round.SettingsEditable ? await ReadSettingsAsync(form, errors, cancellationToken) : null;
        var prizes = round.State != RoundState.Final ? ReadPrizes(form, errors) : null;
        if (errors.Count > 0 || !fieldsValid)
        {
            return CommandResult.Invalid(errors);
        }

        if (settings is not null)
        {
            var slug = await ChooseSlugAsync(round, settings.CampaignId, form, cancellationToken);
            if (slug.Error is { } slugError)
            {
                return CommandResult.Invalid("Input.Slug", slugError);
            }
            round.CampaignId = settings.CampaignId;
            round.EventId = settings.EventId;
            round.Slug = slug.Value!;
            round.WindowStartsOn = settings.WindowStartsOn;
            round.WindowDays = settings.WindowDays;
            round.Platforms = settings.Platforms;
            round.ScoreVideoByViews = settings.ScoreVideoByViews;
            round.MinimumPosts = settings.MinimumPosts;
            round.FollowerJumpShare = settings.FollowerJumpShare;
            round.FollowerJumpPerDay = settings.FollowerJumpPerDay;
            round.PromotedProductIds = settings.ProductIds;
            round.PromotedCategoryIds = settings.CategoryIds;
        }
        if (prizes is not null)
        {
            // Same rank, same row: the unique (round, rank) index never sees two at once.
            var kept = prizes.Select(p =>
            {
                var prize = round.Prizes.FirstOrDefault(x => x.Rank == p.Rank) ?? new RoundPrize { Rank = p.Rank, Description = p.Description };
                prize.Description = p.Description;
                prize.ValueRupiah = p.ValueRupiah;
                return prize;
            }).ToList();
            round.SetPrizes(kept);
        }
        round.Title = form.Title.Trim();
        round.Rules = string.IsNullOrWhiteSpace(form.Rules) ? null : form.Rules.Trim();
        round.UpdatedAt = now;
        if (id is null)
        {
            db.InfluencerRounds.Add(round);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(CurrentUser.IdOf(user), id is null ? "round-created" : "round-saved", nameof(InfluencerRound), round.Id.ToString(CultureInfo.InvariantCulture),
                new Dictionary<string, object?> { ["state"] = round.State.ToString() });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return CommandResult.Invalid("Input.Slug", SlugTaken);
        }
        logger.LogInformation("Melokal round {RoundId} saved ({State})", round.Id, round.State);
        return CommandResult.Saved(text["Putaran disimpan."], round.Id);
    }

    private sealed record Settings(
        int CampaignId, int? EventId, DateOnly WindowStartsOn, int WindowDays, SocialPlatform[] Platforms, bool ScoreVideoByViews,
        int MinimumPosts, decimal FollowerJumpShare, int FollowerJumpPerDay, int[] ProductIds, int[] CategoryIds);

    private sealed record PrizeValue(int Rank, string Description, long ValueRupiah);

    private async Task<Settings?> ReadSettingsAsync(RoundForm form, List<FormError> errors, CancellationToken cancellationToken)
    {
        var start = errors.Count;
        int campaignId = 0;
        if (form.CampaignId is not { } chosenCampaign || !await db.Campaigns.AnyAsync(c => c.Id == chosenCampaign, cancellationToken))
        {
            errors.Add(new("Input.CampaignId", text["Pilih kampanye."]));
        }
        else
        {
            campaignId = chosenCampaign;
        }

        DateOnly? windowStart = form.WindowStartsOn;
        if (form.EventId is { } eventId)
        {
            var ev = await db.Events.AsNoTracking().Where(e => e.Id == eventId).Select(e => new { e.CampaignId, e.StartsAt }).FirstOrDefaultAsync(cancellationToken);
            if (ev is null)
            {
                errors.Add(new("Input.EventId", text["Acara ini tidak ada."]));
            }
            else if (campaignId != 0 && ev.CampaignId != campaignId)
            {
                errors.Add(new("Input.EventId", text["Acara ini bukan bagian dari kampanye yang dipilih. Pilih acara kampanye itu, atau kosongkan."]));
            }
            else
            {
                windowStart ??= InfluencerRound.DefaultWindowStartAfter(ev.StartsAt);
            }
        }
        else if (windowStart is null)
        {
            errors.Add(new("Input.WindowStartsOn", text["Isi hari pertama dipantau, atau pilih acaranya: masa pantau lalu mulai sehari setelah acara (WIB)."]));
        }

        if (form.WindowDays is not (>= 1 and <= 60))
        {
            errors.Add(new("Input.WindowDays", text["Masa pantau 1 sampai 60 hari."]));
        }
        var platforms = form.Platforms.Distinct().ToArray();
        if (platforms.Length == 0)
        {
            errors.Add(new("Input.Platforms", text["Pilih setidaknya satu platform yang dihitung."]));
        }
        else if (platforms.Any(p => !SocialPlatforms.All.Contains(p)))
        {
            errors.Add(new("Input.Platforms", text["Platform tidak dikenal."]));
        }
        if (form.MinimumPosts is not (>= 1 and <= 100))
        {
            errors.Add(new("Input.MinimumPosts", text["Minimal kiriman 1 sampai 100."]));
        }
        decimal share = 0;
        if (!PercentText.TryParse(form.FollowerJumpPercent, out var percent) || percent <= 0 || percent > MaximumJumpPercent)
        {
            errors.Add(new("Input.FollowerJumpPercent", text["Tulis persen lebih dari 0 sampai 100, misalnya 10 atau 12,5."]));
        }
        else
        {
            share = percent / 100m;
        }
        if (form.FollowerJumpPerDay is not (>= 1 and <= MaximumJumpPerDay))
        {
            errors.Add(new("Input.FollowerJumpPerDay", text["Tulis jumlah pengikut per hari, paling sedikit 1."]));
        }

        var productIds = form.ProductIds.Distinct().ToList();
        var known = await db.Products.Where(p => productIds.Contains(p.Id) && p.State == ProductState.Published).Select(p => p.Id).ToListAsync(cancellationToken);
        if (known.Count != productIds.Count)
        {
            errors.Add(new("Input.ProductIds", text["Ada produk yang tidak ada atau tidak tayang lagi. Hapus centangnya."]));
        }
        var typedSlugs = ProductAddresses.SlugsIn(form.MoreProducts);
        if (typedSlugs.Count > 0)
        {
            var found = await db.Products.Where(p => typedSlugs.Contains(p.Slug) && p.State == ProductState.Published)
                .Select(p => new { p.Id, p.Slug }).ToListAsync(cancellationToken);
            var missing = typedSlugs.Where(s => found.All(f => f.Slug != s)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new("Input.MoreProducts", text["Produk ini tidak ditemukan di antara produk yang tayang: {0}.", string.Join(", ", missing)]));
            }
            known.AddRange(found.Select(f => f.Id));
        }
        var categoryIds = form.CategoryIds.Distinct().ToList();
        if (await db.Categories.CountAsync(c => categoryIds.Contains(c.Id), cancellationToken) != categoryIds.Count)
        {
            errors.Add(new("Input.CategoryIds", text["Kategori tidak dikenal."]));
        }

        if (errors.Count > start)
        {
            return null;
        }
        return new Settings(campaignId, form.EventId, windowStart!.Value, form.WindowDays!.Value, [.. platforms.Order()], form.ScoreVideoByViews,
            form.MinimumPosts!.Value, share, form.FollowerJumpPerDay!.Value, [.. known.Distinct().Order()], [.. categoryIds.Order()]);
    }

    private List<PrizeValue> ReadPrizes(RoundForm form, List<FormError> errors)
    {
        var prizes = new List<PrizeValue>();
        var ranks = new HashSet<int>();
        for (var i = 0; i < form.Prizes.Count; i++)
        {
            var row = form.Prizes[i];
            if (row.IsEmpty)
            {
                continue;
            }
            var field = string.Create(CultureInfo.InvariantCulture, $"Input.Prizes[{i}]");
            var ok = true;
            if (row.Rank is not (>= 1 and <= MaximumRank))
            {
                errors.Add(new(field + ".Rank", text["Peringkat 1 sampai 100."]));
                ok = false;
            }
            else if (!ranks.Add(row.Rank.Value))
            {
                errors.Add(new(field + ".Rank", text["Peringkat {0} sudah punya hadiah.", row.Rank.Value]));
                ok = false;
            }
            if (string.IsNullOrWhiteSpace(row.Description))
            {
                errors.Add(new(field + ".Description", text["Tulis hadiahnya."]));
                ok = false;
            }
            long value = 0;
            if (!string.IsNullOrWhiteSpace(row.Value) && !PriceText.TryParse(row.Value, out value))
            {
                errors.Add(new(field + ".Value", text["Tulis nilai dalam rupiah, misalnya 1.500.000 atau Rp 1.500.000."]));
                ok = false;
            }
            if (ok)
            {
                prizes.Add(new PrizeValue(row.Rank!.Value, row.Description!.Trim(), value));
            }
        }
        return prizes;
    }

    private async Task<(string? Value, string? Error)> ChooseSlugAsync(InfluencerRound round, int campaignId, RoundForm form, CancellationToken cancellationToken)
    {
        var roundId = round.Id;
        if (!string.IsNullOrWhiteSpace(form.Slug))
        {
            var typed = Slug.From(form.Slug);
            if (typed.Length == 0)
            {
                return (null, text["Isi alamat dengan huruf atau angka."]);
            }
            var taken = await db.InfluencerRounds.AnyAsync(r => r.CampaignId == campaignId && r.Slug == typed && r.Id != roundId, cancellationToken);
            return taken ? (null, SlugTaken) : (typed, null);
        }
        if (round.Slug.Length > 0 && round.CampaignId == campaignId)
        {
            return (round.Slug, null);
        }
        var baseSlug = UniqueSlug.BaseOf(form.Title, "putaran");
        var used = await db.InfluencerRounds.Where(r => r.CampaignId == campaignId && r.Id != roundId && r.Slug.StartsWith(baseSlug))
            .Select(r => r.Slug).ToListAsync(cancellationToken);
        return (UniqueSlug.Choose(baseSlug, used), null);
    }

    private static FieldConflict Snapshot(InfluencerRound saved, RoundForm typed)
    {
        var rows = new List<ConflictRow>();
        void Compare(string label, string? savedValue, string? typedValue)
        {
            if (!string.Equals(savedValue?.Trim() ?? "", typedValue?.Trim() ?? "", StringComparison.Ordinal))
            {
                rows.Add(new ConflictRow(label, savedValue, typedValue));
            }
        }
        Compare("Judul putaran", saved.Title, typed.Title);
        if (saved.SettingsEditable)
        {
            Compare("Alamat (slug)", saved.Slug, string.IsNullOrWhiteSpace(typed.Slug) ? saved.Slug : typed.Slug);
            Compare("Hari pertama dipantau", saved.WindowStartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                typed.WindowStartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Compare("Jumlah hari dipantau", saved.WindowDays.ToString(CultureInfo.InvariantCulture), typed.WindowDays?.ToString(CultureInfo.InvariantCulture));
            Compare("Minimal kiriman agar masuk peringkat", saved.MinimumPosts.ToString(CultureInfo.InvariantCulture),
                typed.MinimumPosts?.ToString(CultureInfo.InvariantCulture));
        }
        Compare("Hadiah", string.Join("; ", saved.Prizes.OrderBy(p => p.Rank).Select(PrizeText)),
            string.Join("; ", typed.Prizes.Where(p => !p.IsEmpty).Select(p => $"{p.Rank}. {p.Description?.Trim()} ({p.Value?.Trim()})")));
        Compare("Aturan (Markdown)", saved.Rules, typed.Rules);
        return new FieldConflict(rows, saved.Version);
    }

    private static string PrizeText(RoundPrize prize) =>
        string.Create(CultureInfo.InvariantCulture, $"{prize.Rank}. {prize.Description} ({PriceText.Format(prize.ValueRupiah)})");

    private string SlugTaken => text["Alamat ini sudah dipakai putaran lain di kampanye ini. Pilih alamat lain; isian Anda belum disimpan."];
}
