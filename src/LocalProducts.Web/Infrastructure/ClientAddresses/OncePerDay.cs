using System.Net;
using LocalProducts.Web.Domain;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.ClientAddresses;

/// Whether a client address does something for the first time today (WIB): reports of a comment
/// and clicks to a shop count once per address and day, not once per request. The marks are rows
/// of rate_limit_windows (the action as bucket; the subject and the keyed address hash as key;
/// the day as window), shared by every instance and deleted by rate-limit-cleanup once the day
/// is over.
public sealed class OncePerDay(NpgsqlDataSource dataSource, AddressHasher hasher, TimeProvider clock)
{
    public const string OutboundClick = "outbound-click";
    public const string CommentReport = "comment-report";

    private const string MarkSql = """
        INSERT INTO rate_limit_windows (bucket, "key", window_start, expires_at, hits) VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT (bucket, "key", window_start) DO NOTHING
        RETURNING hits
        """;

    /// Marks the action and says whether it was the first today; <paramref name="subject"/> is
    /// short (an id or two), the key column holds 100 characters.
    public async Task<bool> FirstTodayAsync(string action, string subject, IPAddress? address, CancellationToken cancellationToken)
    {
        var mark = await MarkAsync(action, subject, address, cancellationToken);
        await using var command = dataSource.CreateCommand(MarkSql);
        command.Parameters.AddWithValue(mark.Bucket);
        command.Parameters.AddWithValue(mark.Key);
        command.Parameters.AddWithValue(mark.WindowStart);
        command.Parameters.AddWithValue(mark.ExpiresAt);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// Today's mark of the action as a rate_limit_windows row, for a caller that writes it in
    /// the same statement as what it guards (so a crash between the two cannot keep one alone).
    public async Task<DailyMark> MarkAsync(string action, string subject, IPAddress? address, CancellationToken cancellationToken)
    {
        var day = Wib.Today(clock);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        var hash = await hasher.HashAsync(address, day, cancellationToken);
        return new DailyMark(action, $"{subject}:{hash}", day, start, start.AddDays(1));
    }
}

/// One address's mark of an action for one WIB day (a rate_limit_windows row).
public sealed record DailyMark(string Bucket, string Key, DateOnly Day, DateTimeOffset WindowStart, DateTimeOffset ExpiresAt);
