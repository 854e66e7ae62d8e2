using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// Deletes the counters of windows that have ended, once across all instances.
public sealed class RateLimitCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RateLimitCleanup> logger)
    : ScheduledJob(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override string Name => "rate-limit-cleanup";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await db.RateLimitWindows.Where(w => w.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
    }
}
