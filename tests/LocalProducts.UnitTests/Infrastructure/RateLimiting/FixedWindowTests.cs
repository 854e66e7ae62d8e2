using LocalProducts.Web.Infrastructure.RateLimiting;

namespace LocalProducts.UnitTests.Infrastructure.RateLimiting;

public sealed class FixedWindowTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23T10:07:30Z", 15, "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T10:15:00Z", 15, "2026-11-23T10:15:00Z")]
    [InlineData("2026-11-23T10:14:59.999Z", 15, "2026-11-23T10:00:00Z")]
    [InlineData("2026-11-23T23:59:59Z", 60, "2026-11-23T23:00:00Z")]
    [InlineData("2026-11-23T17:07:30+07:00", 15, "2026-11-23T10:00:00Z")]
    public void StartOf_AlignsWindowsToTheClock_WhateverTheOffset(string instant, int minutes, string start)
    {
        Assert.Equal(Utc(start), FixedWindow.StartOf(Utc(instant), TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void StartOf_BeforeTheEpoch_StillRoundsDown()
    {
        Assert.Equal(Utc("1969-12-31T23:45:00Z"), FixedWindow.StartOf(Utc("1969-12-31T23:59:00Z"), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void SecondsUntilNext_CountsToTheWindowsEnd_AtLeastOne()
    {
        Assert.Equal(450, FixedWindow.SecondsUntilNext(Utc("2026-11-23T10:07:30Z"), TimeSpan.FromMinutes(15)));
        Assert.Equal(900, FixedWindow.SecondsUntilNext(Utc("2026-11-23T10:00:00Z"), TimeSpan.FromMinutes(15)));
        Assert.Equal(1, FixedWindow.SecondsUntilNext(Utc("2026-11-23T10:14:59.9Z"), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void TwoInstancesWithTheSameClock_PutAHitInTheSameWindow()
    {
        var window = TimeSpan.FromMinutes(5);
        Assert.Equal(FixedWindow.StartOf(Utc("2026-11-23T10:01:00Z"), window), FixedWindow.StartOf(Utc("2026-11-23T10:04:59Z"), window));
        Assert.NotEqual(FixedWindow.StartOf(Utc("2026-11-23T10:04:59Z"), window), FixedWindow.StartOf(Utc("2026-11-23T10:05:00Z"), window));
    }

    [Fact]
    public void Options_UseTheDefault_ForABucketNotConfigured_AndRefuseUnknownBuckets()
    {
        var options = new RateLimitOptions();
        options.Rules[RateLimitBuckets.Register] = new RateLimitRule { PermitLimit = 3, Window = TimeSpan.FromMinutes(1) };

        Assert.Equal(3, options.RuleFor(RateLimitBuckets.Register).PermitLimit);
        Assert.Equal(RateLimitBuckets.Defaults()[RateLimitBuckets.LogIn].PermitLimit, options.RuleFor(RateLimitBuckets.LogIn).PermitLimit);
        Assert.Throws<InvalidOperationException>(() => options.RuleFor("komentar"));
    }
}
