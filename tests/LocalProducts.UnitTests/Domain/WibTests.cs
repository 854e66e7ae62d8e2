using System.Globalization;
using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class WibTests
{
    private static readonly CultureInfo _indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void FormatDateTime_ShowsUtcInstantsInJakartaTime()
    {
        // 17.30 UTC on 31 December is already 00.30 on 1 January in Jakarta.
        var instant = new DateTimeOffset(2025, 12, 31, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal("1 Januari 2026, 00.30 WIB", Wib.FormatDateTime(instant, _indonesian));
        Assert.Equal("1 January 2026, 00:30 WIB", Wib.FormatDateTime(instant, _english));
    }

    [Fact]
    public void Today_IsTheJakartaDate_NotTheUtcDate()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 24), Wib.Today(clock));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
