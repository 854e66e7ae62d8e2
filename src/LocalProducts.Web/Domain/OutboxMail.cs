namespace LocalProducts.Web.Domain;

/// An e-mail the site must send, kept in PostgreSQL so that any instance can send it: when the
/// mail server refuses or cannot be reached, it stays here and one instance (the outbox job under
/// an advisory lock) tries again later with a growing wait. Sent rows are deleted after a while,
/// since they hold an address.
public sealed class OutboxMail
{
    /// Attempts before the site gives up: the waits 1, 2, 4, 8, 16, 32 minutes, then an hour each,
    /// put the last attempt about 18 hours after the first, inside the 24-hour event hold and the
    /// 3-day confirmation link, so a mail that goes out late is still of use.
    public const int MaxAttempts = 24;

    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestRetryDelay = TimeSpan.FromHours(1);

    /// Sent rows hold an address and a link: kept a week, to answer "did my mail go out?".
    public static readonly TimeSpan KeepSent = TimeSpan.FromDays(7);

    /// Rows the site gave up on stay longer, for operators to see and resend, then go too.
    public static readonly TimeSpan KeepGivenUp = TimeSpan.FromDays(30);

    /// A given-up row's next attempt: never (no column says "gave up", and none is added for it;
    /// this date keeps the row out of the sender's "due" query and its index). The last error
    /// starts with <see cref="GaveUpPrefix"/>, so one query finds them (docs/operations.md).
    public static readonly DateTimeOffset Never = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public const string GaveUpPrefix = "gave up: ";

    public long Id { get; private set; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string TextBody { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// The kind of the last failure (an exception type name), never the server's text, which can
    /// quote the address.
    public string? LastError { get; private set; }

    public bool GaveUp => SentAt is null && NextAttemptAt == Never;

    /// A new mail, due at once.
    public static OutboxMail Queue(string to, string subject, string textBody, DateTimeOffset now) =>
        new() { To = to, Subject = subject, TextBody = textBody, QueuedAt = now, NextAttemptAt = now };

    public bool IsDue(DateTimeOffset now) => SentAt is null && NextAttemptAt <= now;

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    /// An attempt failed with <paramref name="errorKind"/> (an exception type name): the next one
    /// waits <see cref="RetryDelay"/> longer, plus up to a tenth more by <paramref name="jitter"/>
    /// (0 to 1), so that mails refused together do not all come back in the same second; after
    /// <see cref="MaxAttempts"/> the site gives up.
    public void Failed(string errorKind, DateTimeOffset now, double jitter = 0)
    {
        Attempts++;
        if (Attempts >= MaxAttempts)
        {
            NextAttemptAt = Never;
            LastError = Truncate(GaveUpPrefix + errorKind);
            return;
        }
        var delay = RetryDelay(Attempts);
        NextAttemptAt = now + delay + delay * (Math.Clamp(jitter, 0, 1) / 10);
        LastError = Truncate(errorKind);
    }

    /// The wait after the <paramref name="attempts"/>-th failed attempt: 1, 2, 4, … minutes, at
    /// most an hour.
    public static TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < LongestRetryDelay ? delay : LongestRetryDelay;
    }

    /// Whether the row has done its job and may be deleted: sent more than <see cref="KeepSent"/>
    /// ago, or given up and queued more than <see cref="KeepGivenUp"/> ago.
    public bool MayBePurged(DateTimeOffset now) =>
        SentAt is { } sent ? sent < SentPurgeCutoff(now) : GaveUp && QueuedAt < GivenUpPurgeCutoff(now);

    public static DateTimeOffset SentPurgeCutoff(DateTimeOffset now) => now - KeepSent;
    public static DateTimeOffset GivenUpPurgeCutoff(DateTimeOffset now) => now - KeepGivenUp;

    private static string Truncate(string error) => error.Length <= 200 ? error : error[..200];
}
