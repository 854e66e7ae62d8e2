using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// The worked examples' round: watched from Monday 12 January 2026 00.00 WIB for seven days.
internal static class MelokalExamples
{
    public static readonly DateTimeOffset WindowStart = new(2026, 1, 12, 0, 0, 0, Wib.Offset);
    public static readonly DateTimeOffset WindowEnd = WindowStart.AddDays(7);

    public static ScoringRules Rules(
        bool videoByViews = false, int minimumPosts = 2, SocialPlatform[]? platforms = null, int[]? products = null, int[]? categories = null) =>
        new(WindowStart, WindowEnd, (platforms ?? [.. SocialPlatforms.All]).ToHashSet(), videoByViews, minimumPosts,
            (products ?? []).ToHashSet(), (categories ?? []).ToHashSet());

    /// Day 1 is the first day of the window, at 10.00 WIB unless told.
    public static DateTimeOffset Day(int day, int hour = 10, int minute = 0) => WindowStart.AddDays(day - 1).AddHours(hour).AddMinutes(minute);

    public static SnapshotFacts Snap(
        DateTimeOffset at, int? followers = 10_000, int? likes = null, int? comments = null, int? shares = null, int? saves = null, int? views = null) =>
        new(at, new PostMetrics(followers, likes, comments, shares, saves, views));

    public static PostFacts Post(
        long id, int entry, DateTimeOffset postedAt, SocialPlatform platform = SocialPlatform.Instagram, int? product = null, int? category = null,
        bool excluded = false, params SnapshotFacts[] snapshots) =>
        new(id, entry, platform, postedAt, product, category, excluded, snapshots);

    /// A post posted on day 1 whose one snapshot (day 3) gives the rate wanted on 10,000 followers.
    public static PostFacts PostWithRate(long id, int entry, double rate, DateTimeOffset? postedAt = null) =>
        Post(id, entry, postedAt ?? Day(1), snapshots: Snap(Day(3), likes: (int)Math.Round(rate * 10_000), comments: 0));

    public static EntryFacts Entry(int id, bool excluded = false) => new(id, $"Influencer {id}", excluded, 0);
}
