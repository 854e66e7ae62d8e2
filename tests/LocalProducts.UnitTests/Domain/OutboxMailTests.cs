using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

/// A refused mail waits 1, 2, 4 … minutes (at most an hour) before the next attempt, the site
/// gives up after 24 attempts, and old rows go (they hold an address).
public sealed class OutboxMailTests
{
    private static readonly DateTimeOffset _monday = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static OutboxMail New() => OutboxMail.Queue("sari@contoh.test", "Konfirmasi", "Halo", _monday);

    [Fact]
    public void Queue_IsDueAtOnce_WithNoAttempts()
    {
        var mail = New();

        Assert.Equal(0, mail.Attempts);
        Assert.Equal(_monday, mail.QueuedAt);
        Assert.True(mail.IsDue(_monday));
        Assert.False(mail.GaveUp);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(23, 60)]
    [InlineData(1000, 60)]
    public void RetryDelay_DoublesFromOneMinute_UpToAnHour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMail.RetryDelay(attempts));

    [Fact]
    public void Failed_RecordsTheErrorKind_AndWaitsTheGrowingDelay()
    {
        var mail = New();

        mail.Failed("SmtpCommandException", _monday);
        Assert.Equal(1, mail.Attempts);
        Assert.Equal("SmtpCommandException", mail.LastError);
        Assert.Equal(_monday.AddMinutes(1), mail.NextAttemptAt);
        Assert.False(mail.IsDue(_monday.AddSeconds(59)));
        Assert.True(mail.IsDue(_monday.AddMinutes(1)));

        var second = _monday.AddMinutes(1);
        mail.Failed("SocketException", second);
        Assert.Equal(2, mail.Attempts);
        Assert.Equal("SocketException", mail.LastError);
        Assert.Equal(second.AddMinutes(2), mail.NextAttemptAt);
    }

    [Fact]
    public void Failed_WithJitter_WaitsUpToATenthLonger()
    {
        var mail = New();
        mail.Failed("SocketException", _monday);
        mail.Failed("SocketException", _monday);

        // Third failure: 4 minutes, and half of the tenth (12 s) on top.
        mail.Failed("SocketException", _monday, jitter: 0.5);

        Assert.Equal(_monday.AddMinutes(4).AddSeconds(12), mail.NextAttemptAt);
    }

    [Fact]
    public void Failed_TheTwentyFourthTime_GivesUp_AndSaysSo()
    {
        var mail = New();
        var now = _monday;
        for (var i = 1; i < OutboxMail.MaxAttempts; i++)
        {
            mail.Failed("SmtpCommandException", now);
            Assert.False(mail.GaveUp);
            now = mail.NextAttemptAt;
        }
        // 1 + 2 + 4 + 8 + 16 + 32 minutes, then 17 hours: the last attempt about 18 hours after the first.
        Assert.Equal(_monday.AddMinutes(63).AddHours(17), now);

        mail.Failed("SmtpCommandException", now);

        Assert.True(mail.GaveUp);
        Assert.Equal(24, mail.Attempts);
        Assert.Equal("gave up: SmtpCommandException", mail.LastError);
        Assert.Equal(OutboxMail.Never, mail.NextAttemptAt);
        Assert.False(mail.IsDue(now.AddYears(100)));
    }

    [Fact]
    public void Sent_AfterAFailure_IsNoLongerDue_AndClearsTheError()
    {
        var mail = New();
        mail.Failed("SocketException", _monday);

        mail.Sent(_monday.AddMinutes(1));

        Assert.Equal(2, mail.Attempts);
        Assert.Equal(_monday.AddMinutes(1), mail.SentAt);
        Assert.Null(mail.LastError);
        Assert.False(mail.IsDue(_monday.AddDays(1)));
    }

    [Fact]
    public void MayBePurged_SentRows_AfterSevenDays()
    {
        var mail = New();
        mail.Sent(_monday);

        Assert.False(mail.MayBePurged(_monday.AddDays(7)));
        Assert.True(mail.MayBePurged(_monday.AddDays(7).AddSeconds(1)));
    }

    [Fact]
    public void MayBePurged_GivenUpRows_ThirtyDaysAfterQueueing_UnsentRowsNever()
    {
        var waiting = New();
        waiting.Failed("SocketException", _monday);
        var givenUp = New();
        for (var i = 0; i < OutboxMail.MaxAttempts; i++)
        {
            givenUp.Failed("SocketException", _monday);
        }

        Assert.False(givenUp.MayBePurged(_monday.AddDays(30)));
        Assert.True(givenUp.MayBePurged(_monday.AddDays(30).AddSeconds(1)));
        Assert.False(waiting.MayBePurged(_monday.AddYears(1)));
    }

    [Fact]
    public void Failed_KeepsALongErrorKindWithinTheColumn()
    {
        var mail = New();

        mail.Failed(new string('x', 500), _monday);

        Assert.Equal(200, mail.LastError!.Length);
    }
}
