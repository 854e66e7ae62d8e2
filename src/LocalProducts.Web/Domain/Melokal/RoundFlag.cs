namespace LocalProducts.Web.Domain.Melokal;

/// The rules that raise a flag for staff. A flag never disqualifies anyone by itself.
public enum FlagRule
{
    /// Followers grew by more than the round's share inside the window.
    FollowerJumpInWindow = 1,
    /// Followers grew by more than the round's number in a day.
    FollowerJumpPerDay = 2,
    /// The post's rate is an outlier among the round's posts (modified z-score above 3.5).
    OutlierRate = 3,
    /// The same address is entered under two influencers.
    SharedUrl = 4,
    /// Likes far out of proportion to comments.
    LikesWithoutComments = 5,
}

public enum FlagStatus
{
    Open = 1,
    Cleared = 2,
    PostExcluded = 3,
    InfluencerExcluded = 4,
}

/// A flag raised on an influencer (and a post, for the post rules), with the figures that raised
/// it, until staff resolve it.
public sealed class RoundFlag
{
    public const int ReasonMaxLength = 1000;

    public long Id { get; private set; }
    public int RoundId { get; init; }
    public FlagRule Rule { get; init; }
    public int EntryId { get; init; }
    public RoundEntry? Entry { get; private set; }
    /// Null for the follower rules, which are about the influencer's account.
    public long? PostId { get; init; }
    public RoundPost? Post { get; private set; }
    /// The platform of the account, for the follower rules.
    public SocialPlatform? Platform { get; init; }
    /// The figure that crossed the limit (a share, a number a day, a z-score, a ratio).
    public double Observed { get; set; }
    public double Limit { get; set; }
    /// The figures behind it, numbers only (for example "10000 → 11820, 2026-01-12 → 2026-01-14").
    public required string Figures { get; set; }
    public DateTimeOffset RaisedAt { get; init; }
    public FlagStatus Status { get; private set; } = FlagStatus.Open;
    public string? Resolution { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }

    public bool IsOpen => Status == FlagStatus.Open;

    /// Staff's decision, always with a reason. Excluding a post needs a post flag.
    public bool Resolve(FlagStatus decision, string reason, DateTimeOffset now, string by)
    {
        if (decision == FlagStatus.Open || string.IsNullOrWhiteSpace(reason) || (decision == FlagStatus.PostExcluded && PostId is null))
        {
            return false;
        }
        Status = decision;
        Resolution = reason.Trim();
        ResolvedAt = now;
        ResolvedBy = by;
        return true;
    }
}

/// One influencer's line of a final ranking, frozen when the round was finalised (and when it was
/// changed after that, with a reason).
public sealed class RoundResult
{
    public int RoundId { get; init; }
    public int EntryId { get; init; }
    /// Null: listed, not ranked.
    public int? Rank { get; init; }
    public required string Name { get; init; }
    /// "@handle" of each platform, comma separated.
    public required string Handles { get; init; }
    public int Posts { get; init; }
    public int ScoredPosts { get; init; }
    public double? MedianRate { get; init; }
    public double? MeanRate { get; init; }
    public long Engagements { get; init; }
    public DateTimeOffset? FirstPostAt { get; init; }
    public int LinkClicks { get; init; }
    public int FlagsCleared { get; init; }
    public UnrankedReason? Unranked { get; init; }
    public string? Prize { get; init; }
    public long? PrizeValueRupiah { get; init; }
}
