using System.Globalization;
using System.Security.Claims;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure.Audit;
using LocalProducts.Web.Infrastructure.Authorization;
using LocalProducts.Web.Pages.Admin.Melokal.Flags;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

/// A change to a final ranking: an influencer or a post excluded, or an exclusion undone (its
/// flags cleared again), always with a reason. The round records the change (the public
/// leaderboard says the ranking was changed, and why), and the frozen rows are computed again.
public sealed class ChangeFinalRankingCommand(
    AppDbContext db, RoundStandingsQuery standings, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> text,
    ILogger<ChangeFinalRankingCommand> logger)
{
    public async Task<CommandResult> RunAsync(ClaimsPrincipal user, int roundId, ChangeFinalForm form, CancellationToken cancellationToken)
    {
        var errors = new List<FormError>();
        var target = ParseTarget(form.Target);
        if (target is null)
        {
            errors.Add(new("Change.Target", text["Pilih influencer atau kiriman."]));
        }
        if (form.Action is not (FinalChange.Exclude or FinalChange.Reinstate))
        {
            errors.Add(new("Change.Action", text["Pilih perubahan."]));
        }
        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            errors.Add(new("Change.Reason", text["Tulis alasan perubahan."]));
        }
        else if (form.Reason.Trim().Length > RoundStateChange.ReasonMaxLength)
        {
            errors.Add(new("Change.Reason", text["{0} paling panjang {1} karakter.", text["Alasan perubahan"], RoundStateChange.ReasonMaxLength]));
        }
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }
        var reason = form.Reason!.Trim();
        var exclude = form.Action == FinalChange.Exclude;
        var now = clock.GetUtcNow();
        var by = await StaffName.OfAsync(db, user, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await RoundLock.ForUpdateAsync(db, roundId, cancellationToken);
        if (round is null)
        {
            return CommandResult.NotFound;
        }
        if (round.Version != form.Version)
        {
            return CommandResult.Conflicted(null, text["Peringkat ini baru saja diubah orang lain. Periksa hasil di bawah lalu ulangi bila masih perlu; perubahan Anda belum disimpan."]);
        }
        if (round.State != RoundState.Final)
        {
            return CommandResult.Invalid("", text["Hanya peringkat yang sudah final yang diubah di sini."]);
        }

        string subject;
        if (target!.Value.IsPost)
        {
            var postId = target.Value.Id;
            var post = await db.RoundPosts.SingleOrDefaultAsync(p => p.Id == postId && p.RoundId == roundId, cancellationToken);
            if (post is null)
            {
                return CommandResult.Invalid("Change.Target", text["Pilih influencer atau kiriman."]);
            }
            if (post.IsExcluded == exclude)
            {
                return CommandResult.Invalid("Change.Action", exclude ? text["Kiriman ini sudah dikecualikan."] : text["Kiriman ini tidak sedang dikecualikan."]);
            }
            if (exclude)
            {
                post.Exclude(reason);
            }
            else
            {
                post.Reinstate();
                await ClearAgainAsync(f => f.PostId == postId && f.Status == FlagStatus.PostExcluded, reason, now, by, cancellationToken);
            }
            subject = PostSubject(post.Id);
        }
        else
        {
            var entryId = (int)target.Value.Id;
            var entry = await db.RoundEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.RoundId == roundId && e.Status == EntryStatus.Approved, cancellationToken);
            if (entry is null)
            {
                return CommandResult.Invalid("Change.Target", text["Pilih influencer atau kiriman."]);
            }
            if (entry.IsExcluded == exclude)
            {
                return CommandResult.Invalid("Change.Action", exclude ? text["Influencer ini sudah dikecualikan."] : text["Influencer ini tidak sedang dikecualikan."]);
            }
            if (exclude)
            {
                entry.Exclude(reason);
            }
            else
            {
                entry.Reinstate();
                await ClearAgainAsync(f => f.EntryId == entryId && f.Status == FlagStatus.InfluencerExcluded, reason, now, by, cancellationToken);
            }
            subject = EntrySubject(entry.Id);
        }
        round.ChangeAfterFinal(now, by, reason);
        audit.Record(CurrentUser.IdOf(user), "ranking-changed", "InfluencerRound", roundId.ToString(CultureInfo.InvariantCulture), new Dictionary<string, object?>
        {
            ["change"] = exclude ? "exclude" : "reinstate",
            ["target"] = subject,
            ["reason"] = reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        await RewriteResultsAsync(round, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Final ranking of round {RoundId} changed: {Change} {Target}", roundId, exclude ? "exclude" : "reinstate", subject);
        return CommandResult.Saved(text["Peringkat final diubah dan dihitung ulang."], roundId);
    }

    /// Scores the round again from its stored rows and replaces its frozen rows. Inside the
    /// caller's transaction, with the round locked and the change saved.
    public async Task RewriteResultsAsync(InfluencerRound round, CancellationToken cancellationToken)
    {
        var scored = await standings.ScoreAsync(round, cancellationToken);
        await FinalRanking.ReplaceAsync(db, round.Id, FinalRanking.Rows(scored), cancellationToken);
    }

    private async Task ClearAgainAsync(
        System.Linq.Expressions.Expression<Func<RoundFlag, bool>> which, string reason, DateTimeOffset now, string by, CancellationToken cancellationToken)
    {
        var roundFlags = db.RoundFlags.Where(which);
        foreach (var flag in await roundFlags.ToListAsync(cancellationToken))
        {
            flag.Resolve(FlagStatus.Cleared, reason, now, by);
        }
    }

    private static string PostSubject(long id) => FormattableString.Invariant($"post {id}");

    private static string EntrySubject(int id) => FormattableString.Invariant($"entry {id}");

    private static (bool IsPost, long Id)? ParseTarget(string? target)
    {
        if (string.IsNullOrEmpty(target) || target.Length < 2 || target[0] is not ('i' or 'p')
            || !long.TryParse(target.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0
            || (target[0] == 'i' && id > int.MaxValue))
        {
            return null;
        }
        return (target[0] == 'p', id);
    }
}
