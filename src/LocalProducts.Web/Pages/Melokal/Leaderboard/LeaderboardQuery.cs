using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Campaigns;
using LocalProducts.Web.Pages.Melokal.Rounds;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Leaderboard;

/// What the leaderboard address leads to: the view, an old campaign address's new one, or
/// nothing (unknown campaign or round, or a draft).
public sealed record LeaderboardLookup(LeaderboardView? View, string? CampaignMovedTo);

public sealed class LeaderboardQuery(AppDbContext db, RoundStandingsQuery standings, CampaignSlugRedirectQuery redirects)
{
    public async Task<LeaderboardLookup> RunAsync(string campaignSlug, string roundSlug, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Slug == campaignSlug)
            .Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return new LeaderboardLookup(null, await redirects.RunAsync(campaignSlug, cancellationToken));
        }
        var round = await PublicRounds.Visible(db.InfluencerRounds.AsNoTracking())
            .Include(r => r.Prizes).Include(r => r.StateChanges).AsSplitQuery()
            .FirstOrDefaultAsync(r => r.CampaignId == campaign.Id && r.Slug == roundSlug, cancellationToken);
        if (round is null)
        {
            return new LeaderboardLookup(null, null);
        }
        var listed = (await PublicRounds.LoadAsync(db, r => r.Id == round.Id, cancellationToken)).Single();
        var now = await standings.ScoreAsync(round, cancellationToken);
        var postsByEntry = now.Scores.ToDictionary(s => s.Entry.EntryId, s => Details(s, now));

        IReadOnlyList<LeaderboardRow> rows;
        var frozen = false;
        if (round.State == RoundState.Final)
        {
            var results = await db.RoundResults.AsNoTracking().Where(r => r.RoundId == round.Id).ToListAsync(cancellationToken);
            frozen = results.Count > 0;
            rows =
            [
                .. results.Where(r => r.Rank is not null).OrderBy(r => r.Rank)
                    .Concat(results.Where(r => r.Rank is null).OrderBy(r => r.Unranked).ThenByDescending(r => r.MedianRate ?? -1).ThenBy(r => r.EntryId))
                    .Select(r => new LeaderboardRow(r.EntryId, r.Rank, r.Name, r.Handles, r.Posts, r.ScoredPosts, r.MedianRate, r.MeanRate, r.Engagements,
                        r.FirstPostAt, r.LinkClicks, r.FlagsCleared, r.Unranked, r.Prize, r.PrizeValueRupiah, postsByEntry.GetValueOrDefault(r.EntryId) ?? [])),
            ];
        }
        else
        {
            rows = [];
        }
        if (!frozen)
        {
            rows =
            [
                .. now.Scores.Select(s =>
                {
                    var entry = now.Entries[s.Entry.EntryId];
                    return new LeaderboardRow(s.Entry.EntryId, s.Rank, s.Entry.Name, entry.HandlesText, s.Posts.Count, s.ScoredPosts, s.MedianRate, s.MeanRate,
                        s.Engagements, s.FirstPostAt, s.Entry.LinkClicks, entry.FlagsCleared, s.Unranked, null, null, postsByEntry[s.Entry.EntryId]);
                }),
            ];
        }
        var history = round.StateChanges.OrderBy(c => c.At).ThenBy(c => c.Id)
            .Select(c => new LeaderboardStateChange(c.From, c.To, c.At, c.By, c.Reason)).ToList();
        return new LeaderboardLookup(
            new LeaderboardView(listed, campaign.Name, [.. round.Platforms.Order()], round.ScoreVideoByViews, round.MinimumPosts, round.NamesPromotedContent,
                frozen, round.FinalisedAt, round.ChangedAfterFinalAt, history, rows),
            null);
    }

    private static List<LeaderboardPost> Details(EntryScore score, RoundStandings now) =>
    [
        .. score.Posts.Select(p => new LeaderboardPost(p.Post.Platform, now.Posts[p.Post.PostId].UrlKey, p.Post.PostedAt, p.Basis, p.Rate, p.Engagements,
            p.Partial, p.Unscored)),
    ];
}
