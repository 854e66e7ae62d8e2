namespace LocalProducts.Web.Domain.Melokal;

/// Why a post is shown but not scored.
public enum UnscoredReason
{
    Excluded = 1,
    OutsideWindow = 2,
    PlatformNotCounted = 3,
    NotAboutRoundProducts = 4,
    NoFiguresInWindow = 5,
    FollowersUnknown = 6,
    ViewsUnknown = 7,
    AllCountsHidden = 8,
}

/// Why an influencer is listed but not ranked.
public enum UnrankedReason
{
    Excluded = 1,
    TooFewPosts = 2,
}

/// What a post's rate divides by.
public enum RateBasis
{
    /// (likes + comments + shares + saves) / followers at the time.
    Followers = 1,
    /// (likes + comments + shares) / views, for video platforms in a round that scores by views.
    Views = 2,
}

/// The round's settings that decide scores.
public sealed record ScoringRules(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlySet<SocialPlatform> Platforms,
    bool VideoByViews,
    int MinimumPosts,
    IReadOnlySet<int> PromotedProductIds,
    IReadOnlySet<int> PromotedCategoryIds)
{
    public static ScoringRules Of(InfluencerRound round) => new(
        round.WindowStart, round.WindowEnd, round.Platforms.ToHashSet(), round.ScoreVideoByViews, round.MinimumPosts,
        round.PromotedProductIds.ToHashSet(), round.PromotedCategoryIds.ToHashSet());

    public bool NamesPromotedContent => PromotedProductIds.Count > 0 || PromotedCategoryIds.Count > 0;

    public bool IsInWindow(DateTimeOffset instant) => instant >= WindowStart && instant < WindowEnd;

    public RateBasis BasisFor(SocialPlatform platform) =>
        VideoByViews && SocialPlatforms.IsVideo(platform) ? RateBasis.Views : RateBasis.Followers;
}

/// A post as scoring sees it. <paramref name="Snapshots"/> are all its snapshots, any order.
public sealed record PostFacts(
    long PostId,
    int EntryId,
    SocialPlatform Platform,
    DateTimeOffset PostedAt,
    int? ProductId,
    int? ProductCategoryId,
    bool Excluded,
    IReadOnlyList<SnapshotFacts> Snapshots);

public sealed record SnapshotFacts(DateTimeOffset TakenAt, PostMetrics Metrics);

public sealed record EntryFacts(int EntryId, string Name, bool Excluded, int LinkClicks);

/// A post's score. Partial: some counts were hidden by the platform, so it is scored on what is
/// known.
public sealed record PostScore(
    PostFacts Post,
    SnapshotFacts? Counted,
    RateBasis Basis,
    double? Rate,
    long Engagements,
    bool Partial,
    UnscoredReason? Unscored)
{
    public bool IsScored => Rate is not null;
}

public sealed record EntryScore(
    EntryFacts Entry,
    IReadOnlyList<PostScore> Posts,
    int ScoredPosts,
    double? MedianRate,
    double? MeanRate,
    long Engagements,
    DateTimeOffset? FirstPostAt,
    int? Rank,
    UnrankedReason? Unranked);

/// The round's scoring, written out on the leaderboard page and in docs/melokal.md:
/// a post's rate is its engagements divided by the followers at the time (or the views, for video
/// in a round that scores by views), using the last snapshot taken inside the window; an
/// influencer's score is the median of their scored posts' rates; ties go to more engagements in
/// total, then the earlier first post, then the earlier sign-up.
public static class RoundScoring
{
    public static IReadOnlyList<EntryScore> Score(ScoringRules rules, IEnumerable<EntryFacts> entries, IEnumerable<PostFacts> posts)
    {
        var postsByEntry = posts.GroupBy(p => p.EntryId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.PostedAt).ThenBy(p => p.PostId).ToList());
        var scores = entries.Select(entry => ScoreEntry(rules, entry, postsByEntry.GetValueOrDefault(entry.EntryId) ?? [])).ToList();
        var ranked = scores.Where(s => s.Unranked is null).ToList();
        ranked.Sort(CompareForRank);
        var rankOf = new Dictionary<int, int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            rankOf[ranked[i].Entry.EntryId] = i + 1;
        }
        return
        [
            .. ranked.Select(s => s with { Rank = rankOf[s.Entry.EntryId] }),
            .. scores.Where(s => s.Unranked is not null)
                .OrderBy(s => s.Unranked).ThenByDescending(s => s.MedianRate ?? -1).ThenBy(s => s.Entry.EntryId),
        ];
    }

    /// Higher median first; then more engagements in total; then the earlier first post; then the
    /// earlier sign-up (the lower entry number), so that a rank is never shared.
    public static int CompareForRank(EntryScore a, EntryScore b)
    {
        var byMedian = TieKey(b.MedianRate).CompareTo(TieKey(a.MedianRate));
        if (byMedian != 0)
        {
            return byMedian;
        }
        var byEngagements = b.Engagements.CompareTo(a.Engagements);
        if (byEngagements != 0)
        {
            return byEngagements;
        }
        var byFirstPost = (a.FirstPostAt ?? DateTimeOffset.MaxValue).CompareTo(b.FirstPostAt ?? DateTimeOffset.MaxValue);
        return byFirstPost != 0 ? byFirstPost : a.Entry.EntryId.CompareTo(b.Entry.EntryId);
    }

    /// Rates that agree to this many decimals are the same rate: the median of 10 % and 20 % is
    /// held as 0.15000000000000002 and must tie with 15 %, not beat it by the last bit of a double.
    public const int TieDecimals = 12;

    private static double TieKey(double? rate) => Math.Round(rate ?? 0, TieDecimals);

    public static EntryScore ScoreEntry(ScoringRules rules, EntryFacts entry, IReadOnlyList<PostFacts> posts)
    {
        var postScores = posts.Select(p => ScorePost(rules, p)).ToList();
        var scored = postScores.Where(p => p.IsScored).ToList();
        var rates = scored.Select(p => p.Rate!.Value).ToList();
        UnrankedReason? unranked = entry.Excluded ? UnrankedReason.Excluded
            : scored.Count < Math.Max(1, rules.MinimumPosts) ? UnrankedReason.TooFewPosts
            : null;
        return new EntryScore(
            entry,
            postScores,
            scored.Count,
            Median(rates),
            rates.Count == 0 ? null : rates.Average(),
            scored.Sum(p => p.Engagements),
            scored.Count == 0 ? null : scored.Min(p => p.Post.PostedAt),
            null,
            unranked);
    }

    public static PostScore ScorePost(ScoringRules rules, PostFacts post)
    {
        var basis = rules.BasisFor(post.Platform);
        var counted = post.Snapshots.Where(s => rules.IsInWindow(s.TakenAt)).MaxBy(s => s.TakenAt);
        PostScore Unscored(UnscoredReason reason) => new(post, counted, basis, null, 0, false, reason);

        if (post.Excluded)
        {
            return Unscored(UnscoredReason.Excluded);
        }
        if (!rules.IsInWindow(post.PostedAt))
        {
            return Unscored(UnscoredReason.OutsideWindow);
        }
        if (!rules.Platforms.Contains(post.Platform))
        {
            return Unscored(UnscoredReason.PlatformNotCounted);
        }
        if (rules.NamesPromotedContent && !IsAboutPromotedContent(rules, post))
        {
            return Unscored(UnscoredReason.NotAboutRoundProducts);
        }
        if (counted is null)
        {
            return Unscored(UnscoredReason.NoFiguresInWindow);
        }
        var m = counted.Metrics;
        int?[] counts = basis == RateBasis.Views ? [m.Likes, m.Comments, m.Shares] : [m.Likes, m.Comments, m.Shares, m.Saves];
        var divisor = basis == RateBasis.Views ? m.Views : m.Followers;
        if (divisor is not > 0)
        {
            return Unscored(basis == RateBasis.Views ? UnscoredReason.ViewsUnknown : UnscoredReason.FollowersUnknown);
        }
        if (counts.All(c => c is null))
        {
            return Unscored(UnscoredReason.AllCountsHidden);
        }
        long engagements = counts.Sum(c => (long)(c ?? 0));
        return new PostScore(post, counted, basis, (double)engagements / divisor.Value, engagements, counts.Any(c => c is null), null);
    }

    private static bool IsAboutPromotedContent(ScoringRules rules, PostFacts post) =>
        post.ProductId is { } product
        && (rules.PromotedProductIds.Contains(product)
            || (post.ProductCategoryId is { } category && rules.PromotedCategoryIds.Contains(category)));

    /// The middle value; the mean of the two middle values for an even count. Null for none.
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
