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
}
