using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure;

/// When a scheduled job last ran, shared by every instance of the site.
public sealed class ScheduledJobRun
{
    public required string Name { get; init; }
    public DateTimeOffset LastRunAt { get; set; }
}

/// A job that runs every <see cref="Interval"/> once across all instances: each instance wakes up
/// now and then, takes a transaction-scoped PostgreSQL advisory lock (others skip), and runs the
/// job only if no instance has run it within the interval.
public abstract class ScheduledJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }
    protected abstract TimeSpan Interval { get; }
    /// How often an instance checks whether the job is due.
    protected virtual TimeSpan CheckEvery => TimeSpan.FromMinutes(1);

    protected abstract Task RunAsync(AppDbContext db, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval(), clock);
        do
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed run is retried at the next check; the site keeps serving.
                logger.LogError(ex, "Scheduled job {Job} failed", Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// ScheduledJobs:CheckEvery, when set, replaces every job's own check interval: the
    /// multi-instance tests check every second to see several instances race for one run.
    private TimeSpan CheckInterval()
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<TimeSpan?>("ScheduledJobs:CheckEvery") ?? CheckEvery;
    }

    /// Runs the job if it is due and no other instance is running it; true when it ran.
    public async Task<bool> RunIfDueAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtext({Name})) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!locked)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        var run = await db.ScheduledJobRuns.FindAsync([Name], cancellationToken);
        if (run is not null && run.LastRunAt > now - Interval)
        {
            return false;
        }
        await RunAsync(db, cancellationToken);
        if (run is null)
        {
            db.ScheduledJobRuns.Add(new ScheduledJobRun { Name = Name, LastRunAt = now });
        }
        else
        {
            run.LastRunAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Scheduled job {Job} ran", Name);
        return true;
    }
}
