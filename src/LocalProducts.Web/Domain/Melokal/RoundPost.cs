namespace LocalProducts.Web.Domain.Melokal;

/// Where a post or a snapshot of its figures came from.
public enum MetricsSource
{
    Staff = 1,
    Influencer = 2,
    Import = 3,
}

/// A post an approved influencer made for the round. A post is its influencer, platform and
/// address: the same post entered twice is found again, not added again.
public sealed class RoundPost
{
    public const int UrlMaxLength = 500;
    public const int ReasonMaxLength = 1000;

    public long Id { get; private set; }
    public int RoundId { get; init; }
    public int EntryId { get; init; }
    public RoundEntry? Entry { get; private set; }
    public SocialPlatform Platform { get; init; }
    /// As given.
    public required string Url { get; set; }
    /// <see cref="SocialPlatforms.PostUrlKey"/> of the address.
    public required string UrlKey { get; init; }
    public DateTimeOffset PostedAt { get; set; }
    /// The round's product the post is about, when it names one.
    public int? ProductId { get; set; }
    public MetricsSource Source { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// Excluded by staff when resolving a flag: shown, not scored.
    public string? ExclusionReason { get; private set; }

    public bool IsExcluded => ExclusionReason is not null;

    public void Exclude(string reason) => ExclusionReason = reason.Trim();

    /// Undoes an exclusion (a change after final, with its reason recorded on the round).
    public void Reinstate() => ExclusionReason = null;
}

/// The figures of a post at one moment. A figure the platform hides is null (missing), never 0.
public sealed class MetricSnapshot
{
    public long Id { get; private set; }
    public long PostId { get; init; }
    public DateTimeOffset TakenAt { get; init; }
    public int? Followers { get; init; }
    public int? Likes { get; init; }
    public int? Comments { get; init; }
    public int? Shares { get; init; }
    public int? Saves { get; init; }
    public int? Views { get; init; }
    public MetricsSource Source { get; init; }
    /// The import that brought it, when it came from a file.
    public int? ImportId { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public PostMetrics Metrics => new(Followers, Likes, Comments, Shares, Saves, Views);
}

/// A post's figures; null is a figure the platform hid.
public sealed record PostMetrics(int? Followers, int? Likes, int? Comments, int? Shares, int? Saves, int? Views);
