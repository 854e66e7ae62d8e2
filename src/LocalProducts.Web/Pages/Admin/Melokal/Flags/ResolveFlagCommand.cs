using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Admin.Melokal.Final;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// Staff resolve a flag: cleared, or the post or the influencer excluded, always with a reason.
/// Excluding also settles the other open flags of the same post or influencer. Under the round's
/// lock: of two staff resolving the same flag, the second is told who decided first. A flag on a
/// final round is resolved as a change after final (recorded with the reason, results rewritten).
public sealed class ResolveFlagCommand(
    AppDbContext db, ChangeFinalRankingCommand finalRanking, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text,
    ILogger<ResolveFlagCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int roundId, ResolveFlagForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        if (form.Decision is not (FlagStatus.Cleared or FlagStatus.PostExcluded or FlagStatus.InfluencerExcluded))
        {
            errors.Add(new("Input.Decision", text["Pilih keputusan."]));
        }
        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            errors.Add(new("Input.Reason", text["Tulis alasan keputusan."]));
        }
        else if (form.Reason.Trim().Length > RoundFlag.ReasonMaxLength)
        {
            errors.Add(new("Input.Reason", text["{0} paling panjang {1} karakter.", text["Alasan"], RoundFlag.ReasonMaxLength]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var decision = form.Decision!.Value;
        var reason = form.Reason!.Trim();
        var now = clock.GetUtcNow();
        var by = await StaffName.OfAsync(db, user, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await RoundLock.ForUpdateAsync(db, roundId, cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (round.State is not (RoundState.Monitoring or RoundState.Scoring or RoundState.Final))
        {
            return CommandResult.Invalid("", text["Tanda diselesaikan selama pemantauan dan penilaian saja."]);
        }
        var flag = await db.RoundFlags.SingleOrDefaultAsync(f => f.Id == form.FlagId && f.RoundId == roundId, cancellationToken);
        if (flag is null)
        {
            return CommandResult.Conflicted(null, text["Tanda ini tidak ada lagi: pemeriksaan terakhir tidak menemukannya lagi. Keputusan Anda tidak disimpan."]);
        }
        if (!flag.IsOpen)
        {
            return CommandResult.Conflicted(null, text["Tanda ini baru saja diselesaikan oleh {0} ({1}): {2}. Keputusan Anda tidak disimpan.",
                flag.ResolvedBy ?? "", flag.ResolvedAt is { } at ? SiteText.DateTime(at) : "", text[FlagText.Decision(flag.Status)]]);
        }
        if (decision == FlagStatus.PostExcluded && flag.PostId is null)
        {
            return CommandResult.Invalid("Input.Decision", text["Tanda ini tentang akun, bukan kiriman: nyatakan wajar atau kecualikan influencer."]);
        }

        flag.Resolve(decision, reason, now, by);
        var settled = new List<RoundFlag>();
        if (decision == FlagStatus.PostExcluded)
        {
            var post = await db.RoundPosts.SingleAsync(p => p.Id == flag.PostId, cancellationToken);
            post.Exclude(reason);
            settled = await db.RoundFlags.Where(f => f.RoundId == roundId && f.Status == FlagStatus.Open && f.PostId == post.Id && f.Id != flag.Id)
                .ToListAsync(cancellationToken);
        }
        else if (decision == FlagStatus.InfluencerExcluded)
        {
            var entry = await db.RoundEntries.SingleAsync(e => e.Id == flag.EntryId, cancellationToken);
            entry.Exclude(reason);
            settled = await db.RoundFlags.Where(f => f.RoundId == roundId && f.Status == FlagStatus.Open && f.EntryId == entry.Id && f.Id != flag.Id)
                .ToListAsync(cancellationToken);
        }
        foreach (var other in settled)
        {
            other.Resolve(decision, reason, now, by);
        }
        audit.Record(CurrentUser.IdOf(user), "flag-resolved", "InfluencerRound", roundId.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?>
        {
            ["flag"] = flag.Id,
            ["rule"] = flag.Rule.ToString(),
            ["decision"] = decision.ToString(),
            ["reason"] = reason,
            ["alsoSettled"] = settled.Count,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (round.State == RoundState.Final)
        {
            round.ChangeAfterFinal(now, by, reason);
            await db.SaveChangesAsync(cancellationToken);
            await finalRanking.RewriteResultsAsync(round, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Flag {FlagId} of round {RoundId} resolved as {Decision}; {Settled} more settled", flag.Id, roundId, decision, settled.Count);
        return CommandResult.Saved(settled.Count == 0
            ? text["Tanda diselesaikan."]
            : text["Tanda diselesaikan, bersama {0} tanda lain untuk kiriman atau influencer yang sama.", settled.Count], roundId);
    }
}
