using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Links;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Standings;

/// An approved influencer as the standings show them: never their e-mail or phone.
public sealed record StandingEntry(int EntryId, string Name, string City, IReadOnlyList<StandingHandle> Handles, int FlagsCleared)
{
    /// "@kopi.nusantara (Instagram), @kopinus (TikTok)".
    public string HandlesText => string.Join(", ", Handles.Select(h => $"@{h.Handle} ({SocialPlatforms.NameOf(h.Platform)})"));
}

public sealed record StandingHandle(SocialPlatform Platform, string Handle, int Followers);

/// A post as the standings show it.
public sealed record StandingPost(long PostId, string Url, string UrlKey, int? ProductId, string? ExclusionReason);

/// A round scored from its stored rows as they are now: what the leaderboard shows before the
/// round is final, what staff check flags against, and what finalising freezes.
public sealed record RoundStandings(
    InfluencerRound Round,
    ScoringRules Rules,
    IReadOnlyList<EntryScore> Scores,
    IReadOnlyList<DetectedFlag> Flags,
    IReadOnlyDictionary<int, StandingEntry> Entries,
    IReadOnlyDictionary<long, StandingPost> Posts);

public sealed class RoundStandingsQuery(AppDbContext db)
{
    public async Task<RoundStandings?> RunAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().Include(r => r.Prizes).Include(r => r.StateChanges)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        return round is null ? null : await ScoreAsync(round, cancellationToken);
    }

    public async Task<RoundStandings> ScoreAsync(InfluencerRound round, CancellationToken cancellationToken)
    {
        var roundId = round.Id;
        var entries = await db.RoundEntries.AsNoTracking()
            .Where(e => e.RoundId == roundId && e.Status == EntryStatus.Approved)
            .Select(e => new { e.Id, e.Influencer!.Name, e.Influencer.City, e.ExclusionReason })
            .ToListAsync(cancellationToken);
        var handles = (await db.EntryHandles.AsNoTracking()
            .Where(h => h.RoundId == roundId)
            .Select(h => new { h.EntryId, h.Platform, h.Handle, h.Followers })
            .ToListAsync(cancellationToken))
            .ToLookup(h => h.EntryId);
        var cleared = await db.RoundFlags.AsNoTracking()
            .Where(f => f.RoundId == roundId && f.Status == FlagStatus.Cleared)
            .GroupBy(f => f.EntryId).Select(g => new { EntryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.EntryId, g => g.Count, cancellationToken);
        // The clicks of the window: the round's figure, as the posts are.
        var clicks = await new InfluencerLinkClicksQuery(db).TotalsByEntryAsync(roundId, cancellationToken, round.WindowStartsOn, round.WindowEndsOn);
        var approved = entries.Select(e => e.Id).ToHashSet();
        var posts = (await db.RoundPosts.AsNoTracking()
            .Where(p => p.RoundId == roundId)
            .Select(p => new
            {
                p.Id,
                p.EntryId,
                p.Platform,
                p.PostedAt,
                p.ProductId,
                p.Url,
                p.UrlKey,
                p.ExclusionReason,
                CategoryId = db.Products.Where(x => x.Id == p.ProductId).Select(x => (int?)x.CategoryId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken))
            .Where(p => approved.Contains(p.EntryId))
            .ToList();
        var snapshots = (await db.MetricSnapshots.AsNoTracking()
            .Where(s => db.RoundPosts.Any(p => p.Id == s.PostId && p.RoundId == roundId))
            .Select(s => new { s.PostId, s.TakenAt, s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views })
            .ToListAsync(cancellationToken))
            .ToLookup(s => s.PostId, s => new SnapshotFacts(s.TakenAt, new PostMetrics(s.Followers, s.Likes, s.Comments, s.Shares, s.Saves, s.Views)));

        var rules = ScoringRules.Of(round);
        var entryFacts = entries.Select(e => new EntryFacts(e.Id, e.Name, e.ExclusionReason is not null, clicks.GetValueOrDefault(e.Id))).ToList();
        var postFacts = posts.Select(p => new PostFacts(p.Id, p.EntryId, p.Platform, p.PostedAt, p.ProductId, p.CategoryId, p.ExclusionReason is not null,
            [.. snapshots[p.Id]])).ToList();
        var scores = RoundScoring.Score(rules, entryFacts, postFacts);
        var flags = FlagRules.Detect(rules, FlagLimits.Of(round), postFacts, posts.ToDictionary(p => p.Id, p => p.UrlKey), scores);
        return new RoundStandings(
            round,
            rules,
            scores,
            flags,
            entries.ToDictionary(e => e.Id, e => new StandingEntry(e.Id, e.Name, e.City,
                [.. handles[e.Id].OrderBy(h => h.Platform).Select(h => new StandingHandle(h.Platform, h.Handle, h.Followers))],
                cleared.GetValueOrDefault(e.Id))),
            posts.ToDictionary(p => p.Id, p => new StandingPost(p.Id, p.Url, p.UrlKey, p.ProductId, p.ExclusionReason)));
    }
}
