using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

public sealed class PostTimingTests
{
    // Window: 10 to 16 January 2026 (WIB), that is 9 Jan 17:00 UTC up to 16 Jan 17:00 UTC.
    private static readonly InfluencerRound _round = new() { Slug = "r", Title = "R", WindowStartsOn = new DateOnly(2026, 1, 10), WindowDays = 7 };
    private static readonly DateTimeOffset _now = new(2026, 1, 20, 12, 0, 0, Wib.Offset);

    private static DateTimeOffset AtWib(int day, int hour) => new(2026, 1, day, hour, 0, 0, Wib.Offset);

    [Fact]
    public void Check_InsideTheWindow_Counts()
    {
        Assert.Equal(PostTimingCheck.InWindow, PostTiming.Check(_round, AtWib(10, 0), _now));
        Assert.Equal(PostTimingCheck.InWindow, PostTiming.Check(_round, AtWib(16, 23), _now));
    }

    [Fact]
    public void Check_JustOutsideTheWindow_IsKeptButNotCounted()
    {
        Assert.Equal(PostTimingCheck.OutsideWindow, PostTiming.Check(_round, AtWib(9, 23), _now));
        Assert.Equal(PostTimingCheck.OutsideWindow, PostTiming.Check(_round, AtWib(17, 0), _now));
    }

    [Fact]
    public void Check_MonthsAway_IsATypo() =>
        Assert.Equal(PostTimingCheck.FarOutsideWindow, PostTiming.Check(_round, new DateTimeOffset(2025, 1, 12, 10, 0, 0, Wib.Offset), _now));

    [Fact]
    public void Check_AfterNow_IsInTheFuture_BeyondAFewMinutesOfSlack()
    {
        Assert.Equal(PostTimingCheck.Future, PostTiming.Check(_round, _now.AddHours(1), _now));
        Assert.NotEqual(PostTimingCheck.Future, PostTiming.Check(_round, _now.AddMinutes(5), _now));
    }
}
