namespace LocalProducts.Web.Domain.Melokal;

/// Where a round is in its life. Moves one step forward at a time; staff may step back from
/// sign-up to draft and from scoring to monitoring (to add late figures). Final is reached only
/// by finalising.
public enum RoundState
{
    Draft = 1,
    OpenForSignUp = 2,
    Monitoring = 3,
    Scoring = 4,
    Final = 5,
}

/// One Melokal round: after a "ngobrol santai" the approved influencers' posts are watched for a
/// window of days (WIB), scored by engagement rate, and the best win prizes.
public sealed class InfluencerRound
{
    public const int TitleMaxLength = 200;
    public const int RulesMaxLength = 20_000;
    public const int DefaultWindowDays = 7;
    public const int DefaultMinimumPosts = 2;
    public const decimal DefaultFollowerJumpShare = 0.10m;
    public const int DefaultFollowerJumpPerDay = 5_000;

    private readonly List<RoundPrize> _prizes = [];
    private readonly List<RoundStateChange> _stateChanges = [];

    public int Id { get; private set; }
    public int CampaignId { get; set; }
    public Campaign? Campaign { get; private set; }
    /// The talk the round follows, when there is one.
    public int? EventId { get; set; }
    public CampaignEvent? Event { get; private set; }
    /// Unique within the campaign: /kampanye/{campaign}/peringkat/{slug}.
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// The first day watched (WIB); by default the day after the event.
    public DateOnly WindowStartsOn { get; set; }
    public int WindowDays { get; set; } = DefaultWindowDays;
    public SocialPlatform[] Platforms { get; set; } = [.. SocialPlatforms.All];
    /// Video platforms (TikTok, YouTube) are scored by views instead of followers.
    public bool ScoreVideoByViews { get; set; }
    /// Fewer scored posts than this: listed, not ranked.
    public int MinimumPosts { get; set; } = DefaultMinimumPosts;
    /// The products the content should promote; none named means any content counts.
    public int[] PromotedProductIds { get; set; } = [];
    public int[] PromotedCategoryIds { get; set; } = [];
    /// A flag is raised when followers grow by more than this share inside the window...
    public decimal FollowerJumpShare { get; set; } = DefaultFollowerJumpShare;
    /// ...or by more than this many in a day.
    public int FollowerJumpPerDay { get; set; } = DefaultFollowerJumpPerDay;
    /// Markdown.
    public string? Rules { get; set; }
    public RoundState State { get; private set; } = RoundState.Draft;
    public DateTimeOffset? FinalisedAt { get; private set; }
    /// The ranking was changed after it was finalised (the reason is in the state changes).
    public DateTimeOffset? ChangedAfterFinalAt { get; private set; }
    /// The draft news post prepared when the round was finalised.
    public int? AnnouncementPostId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }
    public IReadOnlyList<RoundPrize> Prizes => _prizes;
    public IReadOnlyList<RoundStateChange> StateChanges => _stateChanges;

    /// Midnight WIB of the first day watched.
    public DateTimeOffset WindowStart => new(WindowStartsOn.ToDateTime(TimeOnly.MinValue), Wib.Offset);
    /// Midnight WIB after the last day watched (not included).
    public DateTimeOffset WindowEnd => WindowStart.AddDays(WindowDays);
    public DateOnly WindowEndsOn => WindowStartsOn.AddDays(WindowDays - 1);

    public bool IsInWindow(DateTimeOffset instant) => instant >= WindowStart && instant < WindowEnd;

    public bool NamesPromotedContent => PromotedProductIds.Length > 0 || PromotedCategoryIds.Length > 0;

    /// The day after the event, in WIB.
    public static DateOnly DefaultWindowStartAfter(DateTimeOffset eventStartsAt) =>
        DateOnly.FromDateTime(Wib.ToWib(eventStartsAt).DateTime).AddDays(1);

    public bool TakesSignUps => State == RoundState.OpenForSignUp;
    /// Posts and figures can be added while the round is watched or scored.
    public bool TakesPosts => State is RoundState.OpenForSignUp or RoundState.Monitoring or RoundState.Scoring;
    /// The settings that decide scores are fixed once monitoring starts.
    public bool SettingsEditable => State is RoundState.Draft or RoundState.OpenForSignUp;

    public void SetPrizes(IEnumerable<RoundPrize> prizes)
    {
        _prizes.Clear();
        _prizes.AddRange(prizes.OrderBy(p => p.Rank));
    }

    /// The moves staff may make by hand from this state (finalising is its own action).
    public IReadOnlyList<RoundState> MovesFromHere() => State switch
    {
        RoundState.Draft => [RoundState.OpenForSignUp],
        RoundState.OpenForSignUp => [RoundState.Monitoring, RoundState.Draft],
        RoundState.Monitoring => [RoundState.Scoring],
        RoundState.Scoring => [RoundState.Monitoring],
        _ => [],
    };

    /// Moves the round one step; false when the move is not one of <see cref="MovesFromHere"/>.
    public bool MoveTo(RoundState next, DateTimeOffset now, string by, string? reason = null)
    {
        if (!MovesFromHere().Contains(next))
        {
            return false;
        }
        Record(next, now, by, reason);
        return true;
    }

    /// Freezes the ranking. Only from scoring, and only with every flag resolved.
    public FinaliseOutcome Finalise(int openFlags, DateTimeOffset now, string by)
    {
        if (State != RoundState.Scoring)
        {
            return FinaliseOutcome.NotScoring;
        }
        if (openFlags > 0)
        {
            return FinaliseOutcome.OpenFlags;
        }
        FinalisedAt = now.ToUniversalTime();
        Record(RoundState.Final, now, by, null);
        return FinaliseOutcome.Finalised;
    }

    /// A change to a final ranking: allowed with a reason, recorded and shown.
    public bool ChangeAfterFinal(DateTimeOffset now, string by, string reason)
    {
        if (State != RoundState.Final || string.IsNullOrWhiteSpace(reason))
        {
            return false;
        }
        ChangedAfterFinalAt = now.ToUniversalTime();
        Record(RoundState.Final, now, by, reason.Trim());
        return true;
    }

    private void Record(RoundState next, DateTimeOffset now, string by, string? reason)
    {
        // Stored as timestamptz, which takes UTC only.
        now = now.ToUniversalTime();
        _stateChanges.Add(new RoundStateChange { From = State, To = next, At = now, By = by, Reason = reason });
        State = next;
        UpdatedAt = now;
    }
}

public enum FinaliseOutcome
{
    Finalised = 1,
    NotScoring = 2,
    OpenFlags = 3,
}

public sealed class RoundPrize
{
    public int Id { get; private set; }
    public int RoundId { get; private set; }
    /// 1 for the winner.
    public int Rank { get; set; }
    public required string Description { get; set; }
    /// In rupiah; 0 when the prize has no money value.
    public long ValueRupiah { get; set; }
}

/// One move of a round (or a change after it was final), shown on its page.
public sealed class RoundStateChange
{
    public const int ReasonMaxLength = 1000;

    public int Id { get; private set; }
    public int RoundId { get; private set; }
    public RoundState From { get; init; }
    public RoundState To { get; init; }
    public DateTimeOffset At { get; init; }
    /// The staff member's display name.
    public required string By { get; init; }
    public string? Reason { get; init; }
}
