using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Melokal.Content;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Final;

public sealed record FinalPrize(int Rank, string Description, long ValueRupiah);

public sealed record FinalChangeRow(DateTimeOffset At, string By, string? Reason);

public sealed record AnnouncementLink(int PostId, string Title, PostState State);

/// A choice of the change-after-final form: an influencer and their posts.
public sealed record ChangeTargetGroup(string Name, string EntryTarget, bool EntryExcluded, IReadOnlyList<ChangeTarget> Posts);

public sealed record ChangeTarget(string Target, string Label, bool Excluded);

public sealed record RoundFinalView(
    RoundHeading Round,
    uint Version,
    bool IsFinal,
    IReadOnlyList<RoundResult> Rows,
    IReadOnlyList<FinalPrize> Prizes,
    int OpenFlags,
    int UncheckedFlags,
    DateTimeOffset? FinalisedAt,
    DateTimeOffset? ChangedAfterFinalAt,
    IReadOnlyList<FinalChangeRow> ChangesAfterFinal,
    AnnouncementLink? Announcement,
    IReadOnlyList<ChangeTargetGroup> Targets)
{
    public bool MayFinalise => Round.State == RoundState.Scoring;
}

/// The finalising page: before final, the ranking as it would be frozen now and what stands in
/// the way; once final, the frozen rows, the changes made since and the draft announcement.
public sealed class RoundFinalQuery(AppDbContext db, RoundStandingsQuery standings)
{
    public async Task<RoundFinalView?> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        var scored = await standings.RunAsync(roundId, cancellationToken);
        if (scored is null)
        {
            return null;
        }
        var round = scored.Round;
        var isFinal = round.State == RoundState.Final;
        var stored = await db.RoundFlags.AsNoTracking().Where(f => f.RoundId == roundId)
            .Select(f => new { f.Rule, f.EntryId, f.Platform, f.PostId, f.Status }).ToListAsync(cancellationToken);
        var storedKeys = stored.Select(f => (f.Rule, f.EntryId, f.Platform, f.PostId)).ToHashSet();
        var unchecked_ = isFinal ? 0 : scored.Flags.Select(f => (f.Rule, f.EntryId, f.Platform, f.PostId)).Distinct().Count(k => !storedKeys.Contains(k));

        IReadOnlyList<RoundResult> rows = isFinal
            ? await db.RoundResults.AsNoTracking().Where(r => r.RoundId == roundId)
                .OrderBy(r => r.Rank == null).ThenBy(r => r.Rank).ThenBy(r => r.Name).ToListAsync(cancellationToken)
            : FinalRanking.Rows(scored);
        AnnouncementLink? announcement = null;
        if (round.AnnouncementPostId is { } postId)
        {
            announcement = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
                .Select(p => new AnnouncementLink(p.Id, p.Title, p.State)).FirstOrDefaultAsync(cancellationToken);
        }
        var targets = scored.Scores.OrderBy(s => s.Entry.Name, StringComparer.CurrentCultureIgnoreCase).Select(s => new ChangeTargetGroup(
            s.Entry.Name, ChangeFinalForm.EntryTarget(s.Entry.EntryId), s.Entry.Excluded,
            [.. s.Posts.Select(p => new ChangeTarget(ChangeFinalForm.PostTarget(p.Post.PostId),
                $"{SocialPlatforms.NameOf(p.Post.Platform)}: {scored.Posts[p.Post.PostId].Url}", p.Post.Excluded))])).ToList();
        return new RoundFinalView(
            await RoundHeading.OfAsync(db, round, cancellationToken),
            round.Version,
            isFinal,
            rows,
            [.. round.Prizes.OrderBy(p => p.Rank).Select(p => new FinalPrize(p.Rank, p.Description, p.ValueRupiah))],
            stored.Count(f => f.Status == FlagStatus.Open),
            unchecked_,
            round.FinalisedAt,
            round.ChangedAfterFinalAt,
            [.. round.StateChanges.Where(c => c.From == RoundState.Final && c.To == RoundState.Final).OrderByDescending(c => c.At)
                .Select(c => new FinalChangeRow(c.At, c.By, c.Reason))],
            announcement,
            targets);
    }
}
