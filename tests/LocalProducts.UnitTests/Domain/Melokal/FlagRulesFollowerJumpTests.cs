using LocalProducts.Web.Domain.Melokal;
using static LocalProducts.UnitTests.Domain.Melokal.MelokalExamples;

namespace LocalProducts.UnitTests.Domain.Melokal;

/// Followers growing more than the round's share inside the window (default 10 %), or by more
/// than its number a day (default 5,000; a gap under a day counts as a day).
public sealed class FlagRulesFollowerJumpTests
{
    private static readonly FlagLimits _limits = new(0.10m, 5_000);

    [Fact]
    public void FollowerJumps_MoreThanTheShareInsideTheWindow_RaisesAFlagWithItsFigures()
    {
        // 10,000 → 11,500 over three days: +15 % (> 10 %), 500 a day (< 5,000).
        var posts = new[]
        {
            Post(1, 1, Day(1), snapshots: Snap(Day(1), followers: 10_000)),
            Post(2, 1, Day(3), snapshots: Snap(Day(4), followers: 11_500)),
        };

        var flag = Assert.Single(FlagRules.FollowerJumps(Rules(), _limits, posts));

        Assert.Equal(FlagRule.FollowerJumpInWindow, flag.Rule);
        Assert.Equal(1, flag.EntryId);
        Assert.Null(flag.PostId);
        Assert.Equal(SocialPlatform.Instagram, flag.Platform);
        Assert.Equal(0.15, flag.Observed, 10);
        Assert.Equal(0.10, flag.Limit, 10);
        Assert.Equal("10000 → 11500, 2026-01-12 10:00 → 2026-01-15 10:00", flag.Figures);
    }

    [Theory]
    [InlineData(10_900)]
    [InlineData(11_000)]
    public void FollowerJumps_UpToTheShare_RaisesNothing(int last)
    {
        var posts = new[] { Post(1, 1, Day(1), snapshots: [Snap(Day(1), followers: 10_000), Snap(Day(4), followers: last)]) };

        Assert.Empty(FlagRules.FollowerJumps(Rules(), _limits, posts));
    }

    [Fact]
    public void FollowerJumps_MoreThanTheNumberADay_RaisesAPerDayFlag()
    {
        // 100,000 → 106,001 in one day: +6,001 a day (> 5,000), +6 % (< 10 %).
        var posts = new[] { Post(1, 1, Day(1), snapshots: [Snap(Day(1), followers: 100_000), Snap(Day(2), followers: 106_001)]) };

        var flag = Assert.Single(FlagRules.FollowerJumps(Rules(), _limits, posts));

        Assert.Equal(FlagRule.FollowerJumpPerDay, flag.Rule);
        Assert.Equal(6_001, flag.Observed);
        Assert.Equal(5_000, flag.Limit);
    }

    [Fact]
    public void FollowerJumps_AGapUnderADay_CountsAsADay()
    {
        // +4,000 in six hours is 4,000 a day, not 16,000: no flag. +5,500 in six hours is a flag
        // of 5,500 a day.
        var calm = new[] { Post(1, 1, Day(1), snapshots: [Snap(Day(1, 10), followers: 100_000), Snap(Day(1, 16), followers: 104_000)]) };
        var steep = new[] { Post(1, 1, Day(1), snapshots: [Snap(Day(1, 10), followers: 100_000), Snap(Day(1, 16), followers: 105_500)]) };

        Assert.Empty(FlagRules.FollowerJumps(Rules(), _limits, calm));
        var flag = Assert.Single(FlagRules.FollowerJumps(Rules(), _limits, steep));
        Assert.Equal(FlagRule.FollowerJumpPerDay, flag.Rule);
        Assert.Equal(5_500, flag.Observed);
    }

    [Fact]
    public void FollowerJumps_TheSteepestStepCounts_OverTwoDays_ItIsSpreadPerDay()
    {
        // 100,000 → 101,000 (day 1 → 2), then → 112,000 over two days: 5,500 a day, and +12 %.
        var posts = new[]
        {
            Post(1, 1, Day(1), snapshots: [Snap(Day(1), followers: 100_000), Snap(Day(2), followers: 101_000), Snap(Day(4), followers: 112_000)]),
        };

        var flags = FlagRules.FollowerJumps(Rules(), _limits, posts).ToList();

        Assert.Equal([FlagRule.FollowerJumpInWindow, FlagRule.FollowerJumpPerDay], flags.Select(f => f.Rule));
        Assert.Equal(0.12, flags[0].Observed, 10);
        Assert.Equal(5_500, flags[1].Observed);
        Assert.Equal("101000 → 112000, 2026-01-13 10:00 → 2026-01-15 10:00", flags[1].Figures);
    }

    [Fact]
    public void FollowerJumps_SnapshotsOutsideTheWindow_AndOneSnapshotOnly_RaiseNothing()
    {
        var posts = new[]
        {
            Post(1, 1, Day(1), snapshots: [Snap(WindowStart.AddDays(-3), followers: 1_000), Snap(Day(2), followers: 50_000), Snap(WindowEnd.AddDays(1), followers: 90_000)]),
        };

        Assert.Empty(FlagRules.FollowerJumps(Rules(), _limits, posts));
    }

    [Fact]
    public void FollowerJumps_EachPlatformIsItsOwnAccount()
    {
        // Instagram 10,000 and TikTok 20,000 must not read as a jump from one to the other.
        var posts = new[]
        {
            Post(1, 1, Day(1), SocialPlatform.Instagram, snapshots: Snap(Day(1), followers: 10_000)),
            Post(2, 1, Day(2), SocialPlatform.TikTok, snapshots: Snap(Day(3), followers: 20_000)),
        };

        Assert.Empty(FlagRules.FollowerJumps(Rules(), _limits, posts));
    }
}
