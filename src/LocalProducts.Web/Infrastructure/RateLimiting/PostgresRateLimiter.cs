using Microsoft.Extensions.Options;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// A fixed-window rate limiter whose counters live in PostgreSQL, so a limit holds across every
/// instance behind the load balancer. One statement per hit: the row of the current window is
/// created or incremented atomically and the new count returned.
public sealed class PostgresRateLimiter(NpgsqlDataSource dataSource, IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
{
    private const string HitSql = """
        INSERT INTO rate_limit_windows (bucket, "key", window_start, expires_at, hits) VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT (bucket, "key", window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
        RETURNING hits
        """;

    private const string PeekSql = """
        SELECT hits FROM rate_limit_windows WHERE bucket = $1 AND "key" = $2 AND window_start = $3
        """;

    private const string ClearSql = """
        DELETE FROM rate_limit_windows WHERE bucket = $1 AND "key" = $2
        """;

    /// Counts one hit of <paramref name="key"/> in <paramref name="bucket"/> and says whether it is
    /// within the limit. Hits over the limit are counted too: hammering does not reopen the window.
    public async Task<RateLimitDecision> HitAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return RateLimitDecision.Unlimited;
        }
        var rule = settings.RuleFor(bucket);
        var now = clock.GetUtcNow();
        var start = FixedWindow.StartOf(now, rule.Window);
        var end = start + rule.Window;
        await using var command = dataSource.CreateCommand(HitSql);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(start);
        command.Parameters.AddWithValue(end);
        var hits = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new RateLimitDecision(hits <= rule.PermitLimit, hits, rule.PermitLimit, end);
    }

    /// Where <paramref name="key"/> stands in the current window, without counting a hit: for
    /// limits that count only some outcomes (failed log-ins), checked before the outcome is known.
    public async Task<RateLimitDecision> PeekAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return RateLimitDecision.Unlimited;
        }
        var rule = settings.RuleFor(bucket);
        var start = FixedWindow.StartOf(clock.GetUtcNow(), rule.Window);
        await using var command = dataSource.CreateCommand(PeekSql);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(key);
        command.Parameters.AddWithValue(start);
        var hits = await command.ExecuteScalarAsync(cancellationToken) is int counted ? counted : 0;
        return new RateLimitDecision(hits < rule.PermitLimit, hits, rule.PermitLimit, start + rule.Window);
    }

    /// Forgets every window of <paramref name="key"/> in <paramref name="bucket"/>: after a
    /// completed password reset the account starts afresh.
    public async Task ClearAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ClearSql);
        command.Parameters.AddWithValue(bucket);
        command.Parameters.AddWithValue(key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
