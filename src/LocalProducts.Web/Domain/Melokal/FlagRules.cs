using System.Globalization;

namespace LocalProducts.Web.Domain.Melokal;

/// The limits past which a flag is raised. The follower limits are the round's; the others are
/// fixed and written in docs/melokal.md.
public sealed record FlagLimits(decimal FollowerJumpShare, int FollowerJumpPerDay)
{
    /// Iglewicz and Hoaglin's cut-off for the modified z-score.
    public const double OutlierZScore = 3.5;
    /// The modified z-score needs a few posts to say what is usual.
    public const int OutlierMinimumPosts = 5;
    /// Likes per comment above this, on a post with at least <see cref="LikesRatioMinimumLikes"/>.
    public const double LikesPerComment = 200;
    public const int LikesRatioMinimumLikes = 1_000;

    public static FlagLimits Of(InfluencerRound round) => new(round.FollowerJumpShare, round.FollowerJumpPerDay);
}

/// A flag as the rules find it, before staff see it.
public sealed record DetectedFlag(FlagRule Rule, int EntryId, long? PostId, SocialPlatform? Platform, double Observed, double Limit, string Figures);

/// The fairness rules: each names its figures; none decides anything by itself.
public static class FlagRules
{
    public static IReadOnlyList<DetectedFlag> Detect(
        ScoringRules rules, FlagLimits limits, IReadOnlyList<PostFacts> posts, IReadOnlyDictionary<long, string> urlKeys, IReadOnlyList<EntryScore> scores)
    {
        var flags = new List<DetectedFlag>();
        flags.AddRange(FollowerJumps(rules, limits, posts));
        flags.AddRange(OutlierRates(scores));
        flags.AddRange(SharedUrls(posts, urlKeys));
        flags.AddRange(LikesWithoutComments(scores));
        return flags;
    }

    /// Per influencer and platform, the followers seen in the snapshots taken inside the window:
    /// growth from the first to the last above the round's share, and growth between two
    /// snapshots above the round's number a day (a gap under a day counts as a day).
    public static IEnumerable<DetectedFlag> FollowerJumps(ScoringRules rules, FlagLimits limits, IEnumerable<PostFacts> posts)
    {
        foreach (var account in posts.GroupBy(p => (p.EntryId, p.Platform)).OrderBy(g => g.Key.EntryId).ThenBy(g => g.Key.Platform))
        {
            var seen = account.SelectMany(p => p.Snapshots)
                .Where(s => rules.IsInWindow(s.TakenAt) && s.Metrics.Followers is > 0)
                .GroupBy(s => s.TakenAt)
                .Select(g => (At: g.Key, Followers: g.Max(s => s.Metrics.Followers!.Value)))
                .OrderBy(s => s.At)
                .ToList();
            if (seen.Count < 2)
            {
                continue;
            }
            var (entryId, platform) = account.Key;
            var first = seen[0];
            var last = seen[^1];
            var share = (double)(last.Followers - first.Followers) / first.Followers;
            if (share > (double)limits.FollowerJumpShare)
            {
                yield return new DetectedFlag(FlagRule.FollowerJumpInWindow, entryId, null, platform, share, (double)limits.FollowerJumpShare,
                    Invariant($"{first.Followers} → {last.Followers}, {Stamp(first.At)} → {Stamp(last.At)}"));
            }
            var steepest = seen.Zip(seen.Skip(1))
                .Select(pair => (pair.First, pair.Second, PerDay: (pair.Second.Followers - pair.First.Followers) / Math.Max(1.0, (pair.Second.At - pair.First.At).TotalDays)))
                .MaxBy(step => step.PerDay);
            if (steepest.PerDay > limits.FollowerJumpPerDay)
            {
                yield return new DetectedFlag(FlagRule.FollowerJumpPerDay, entryId, null, platform, Math.Round(steepest.PerDay, 1), limits.FollowerJumpPerDay,
                    Invariant($"{steepest.First.Followers} → {steepest.Second.Followers}, {Stamp(steepest.First.At)} → {Stamp(steepest.Second.At)}"));
            }
        }
    }

    /// A scored post whose rate is far above the round's usual rate: modified z-score
    /// 0.6745 × (rate − median) / MAD above 3.5, where MAD is the median absolute deviation from
    /// the median. When more than half the rates are equal the MAD is 0 and the mean absolute
    /// deviation stands in: (rate − median) / (1.253314 × meanAD). Needs five scored posts.
    public static IEnumerable<DetectedFlag> OutlierRates(IReadOnlyList<EntryScore> scores)
    {
        var scored = scores.Where(s => !s.Entry.Excluded).SelectMany(s => s.Posts).Where(p => p.IsScored).ToList();
        if (scored.Count < FlagLimits.OutlierMinimumPosts)
        {
            yield break;
        }
        var rates = scored.Select(p => p.Rate!.Value).ToList();
        // The median and deviations once for all posts: per post they made a round of 6,000 posts take seconds.
        var zScore = ModifiedZScorer(rates);
        var median = RoundScoring.Median(rates)!.Value;
        foreach (var (post, z) in scored.Select(p => (p, zScore(p.Rate!.Value))).OrderBy(x => x.p.Post.PostId))
        {
            if (z > FlagLimits.OutlierZScore)
            {
                yield return new DetectedFlag(FlagRule.OutlierRate, post.Post.EntryId, post.Post.PostId, post.Post.Platform, Math.Round(z, 2), FlagLimits.OutlierZScore,
                    Invariant($"{post.Rate:0.0000} vs {median:0.0000}"));
            }
        }
    }

    /// The modified z-score of one value among many (0 when the values do not vary).
    public static double ModifiedZScore(double value, IReadOnlyCollection<double> values) => ModifiedZScorer(values)(value);

    /// The modified z-score against these values, for any value.
    private static Func<double, double> ModifiedZScorer(IReadOnlyCollection<double> values)
    {
        var median = RoundScoring.Median(values) ?? 0;
        var deviations = values.Select(v => Math.Abs(v - median)).ToList();
        var mad = RoundScoring.Median(deviations) ?? 0;
        if (mad > 0)
        {
            return value => 0.6745 * (value - median) / mad;
        }
        var meanDeviation = deviations.Count == 0 ? 0 : deviations.Average();
        return value => meanDeviation > 0 ? (value - median) / (1.253314 * meanDeviation) : 0;
    }

    /// The same post address under two or more influencers: every such post is flagged.
    public static IEnumerable<DetectedFlag> SharedUrls(IEnumerable<PostFacts> posts, IReadOnlyDictionary<long, string> urlKeys)
    {
        foreach (var group in posts.Where(p => urlKeys.ContainsKey(p.PostId)).GroupBy(p => urlKeys[p.PostId]))
        {
            var influencers = group.Select(p => p.EntryId).Distinct().Count();
            if (influencers < 2)
            {
                continue;
            }
            foreach (var post in group.OrderBy(p => p.PostId))
            {
                yield return new DetectedFlag(FlagRule.SharedUrl, post.EntryId, post.PostId, post.Platform, influencers, 1, group.Key);
            }
        }
    }

    /// A scored post with at least 1,000 likes and more than 200 likes for each comment.
    public static IEnumerable<DetectedFlag> LikesWithoutComments(IReadOnlyList<EntryScore> scores)
    {
        foreach (var post in scores.SelectMany(s => s.Posts).Where(p => p.IsScored).OrderBy(p => p.Post.PostId))
        {
            var m = post.Counted!.Metrics;
            if (m.Likes is not { } likes || m.Comments is not { } comments || likes < FlagLimits.LikesRatioMinimumLikes)
            {
                continue;
            }
            var perComment = (double)likes / Math.Max(1, comments);
            if (perComment > FlagLimits.LikesPerComment)
            {
                yield return new DetectedFlag(FlagRule.LikesWithoutComments, post.Post.EntryId, post.Post.PostId, post.Post.Platform, Math.Round(perComment, 1), FlagLimits.LikesPerComment,
                    Invariant($"{likes} / {comments}"));
            }
        }
    }

    private static string Stamp(DateTimeOffset instant) => Wib.ToWib(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
