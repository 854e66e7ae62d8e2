namespace LocalProducts.Web.Domain.Melokal;

public enum PostTimingCheck
{
    InWindow = 1,
    /// Kept and shown, not scored.
    OutsideWindow = 2,
    /// Weeks away from the window: most likely a typo in the date.
    FarOutsideWindow = 3,
    Future = 4,
}

/// Whether the time a post was made can be recorded for a round, and whether it counts.
public static class PostTiming
{
    /// A little slack for a phone clock that runs ahead.
    public static readonly TimeSpan FutureSlack = TimeSpan.FromMinutes(10);
    /// Further than this before or after the window, a date is refused as a mistake.
    public const int FarDays = 60;

    public static PostTimingCheck Check(InfluencerRound round, DateTimeOffset postedAt, DateTimeOffset now)
    {
        if (postedAt > now + FutureSlack)
        {
            return PostTimingCheck.Future;
        }
        if (round.IsInWindow(postedAt))
        {
            return PostTimingCheck.InWindow;
        }
        return postedAt < round.WindowStart.AddDays(-FarDays) || postedAt >= round.WindowEnd.AddDays(FarDays)
            ? PostTimingCheck.FarOutsideWindow
            : PostTimingCheck.OutsideWindow;
    }
}
