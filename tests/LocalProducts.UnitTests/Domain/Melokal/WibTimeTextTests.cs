using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

public sealed class WibTimeTextTests
{
    [Theory]
    [InlineData("2026-01-15T19:30")]
    [InlineData("2026-01-15 19:30")]
    [InlineData("2026-01-15 19.30")]
    [InlineData("15/1/2026 19.30")]
    [InlineData("15-01-2026 19:30")]
    public void TryParse_ATimeInWib_IsThatInstant(string text)
    {
        Assert.True(WibTimeText.TryParse(text, out var instant));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Theory]
    [InlineData("")]
    [InlineData("kemarin")]
    [InlineData("2026-13-01 10:00")]
    [InlineData("2026-01-15")]
    public void TryParse_Unreadable_IsFalse(string text) => Assert.False(WibTimeText.TryParse(text, out _));

    [Fact]
    public void ForInput_ShowsTheInstantInWib() =>
        Assert.Equal("2026-01-15T19:30", WibTimeText.ForInput(new DateTimeOffset(2026, 1, 15, 12, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void ForInput_RoundTrips()
    {
        var instant = new DateTimeOffset(2026, 3, 1, 23, 5, 0, Wib.Offset);
        Assert.True(WibTimeText.TryParse(WibTimeText.ForInput(instant), out var back));
        Assert.Equal(instant, back);
    }
}
