using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Rounds;

namespace LocalProducts.Web.Pages.Melokal.Leaderboard;

/// A round's public leaderboard: the frozen result when final, the standings now before that.
public sealed record LeaderboardView(
    PublicRound Round,
    string CampaignName,
    IReadOnlyList<SocialPlatform> Platforms,
    bool ScoresVideoByViews,
    int MinimumPosts,
    bool NamesPromotedContent,
    bool Frozen,
    DateTimeOffset? FinalisedAt,
    DateTimeOffset? ChangedAfterFinalAt,
    IReadOnlyList<LeaderboardStateChange> History,
    IReadOnlyList<LeaderboardRow> Rows)
{
    public IEnumerable<LeaderboardRow> Ranked => Rows.Where(r => r.Rank is not null);

    public IEnumerable<LeaderboardRow> Unranked => Rows.Where(r => r.Rank is null);

    /// The changes made after the ranking was final, each with its reason.
    public IEnumerable<LeaderboardStateChange> ChangesAfterFinal => History.Where(h => h.IsChangeAfterFinal);

    public bool CountsVideo => Platforms.Any(SocialPlatforms.IsVideo);

    public string CsvPath => Round.LeaderboardPath + ".csv";
}

public sealed record LeaderboardStateChange(RoundState From, RoundState To, DateTimeOffset At, string By, string? Reason)
{
    public bool IsChangeAfterFinal => From == RoundState.Final && To == RoundState.Final;
}

/// One influencer's line. Never their e-mail or phone.
public sealed record LeaderboardRow(
    int EntryId,
    int? Rank,
    string Name,
    string Handles,
    int Posts,
    int ScoredPosts,
    double? MedianRate,
    double? MeanRate,
    long Engagements,
    DateTimeOffset? FirstPostAt,
    int LinkClicks,
    int FlagsCleared,
    UnrankedReason? Unranked,
    string? Prize,
    long? PrizeValueRupiah,
    IReadOnlyList<LeaderboardPost> PostDetails);

/// A post with its score, or the reason it was not scored. Partial: some counts were hidden.
public sealed record LeaderboardPost(
    SocialPlatform Platform, string Url, DateTimeOffset PostedAt, RateBasis Basis, double? Rate, long Engagements, bool Partial, UnscoredReason? Unscored);
