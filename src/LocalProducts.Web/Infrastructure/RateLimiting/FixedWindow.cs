namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// Fixed windows aligned to the Unix epoch, so every instance puts the same instant in the same
/// window without talking to the others: a 15-minute window starts at :00, :15, :30 and :45.
public static class FixedWindow
{
    public static DateTimeOffset StartOf(DateTimeOffset instant, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var sinceEpoch = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var start = sinceEpoch - (((sinceEpoch % window.Ticks) + window.Ticks) % window.Ticks);
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + start, TimeSpan.Zero);
    }

    public static DateTimeOffset EndOf(DateTimeOffset instant, TimeSpan window) => StartOf(instant, window) + window;

    /// Whole seconds until the window ends (at least one), for the Retry-After header.
    public static int SecondsUntilNext(DateTimeOffset instant, TimeSpan window) =>
        Math.Max(1, (int)Math.Ceiling((EndOf(instant, window) - instant).TotalSeconds));
}
