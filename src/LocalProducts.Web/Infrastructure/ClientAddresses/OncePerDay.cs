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
        var day = Wib.Today(clock);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib.Offset).ToUniversalTime();
        var hash = await hasher.HashAsync(address, day, cancellationToken);
        await using var command = dataSource.CreateCommand(MarkSql);
        command.Parameters.AddWithValue(action);
        command.Parameters.AddWithValue($"{subject}:{hash}");
        command.Parameters.AddWithValue(start);
        command.Parameters.AddWithValue(start.AddDays(1));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
