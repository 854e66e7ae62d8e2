using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Newsroom;

/// Publishes the scheduled posts whose time has come, then clears the cached pages on every
/// instance so they show at once.
public sealed class PublishDuePostsCommand(AppDbContext db, ILogger<PublishDuePostsCommand> logger)
{
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = now.ToUniversalTime();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked like an edit; a post an editor holds right now is published at the next run.
        var due = await db.Posts
            .FromSql($"SELECT *, xmin FROM posts WHERE state = {(int)PostState.Scheduled} AND scheduled_for <= {now} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var published = due.Where(post => post.PublishIfDue(now)).ToList();
        if (published.Count == 0)
        {
            return 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var post in published)
        {
            logger.LogInformation("Scheduled post {PostId} published", post.Id);
        }
        return published.Count;
    }
}

/// Every 30 seconds, once across all instances (<see cref="ScheduledJob"/>). The publishing runs
/// in its own scope and transaction so the cache is evicted after it has committed, not before.
public sealed class ScheduledPostPublisher : ScheduledJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;

    public ScheduledPostPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPostPublisher> logger)
        : base(scopes, clock, logger)
    {
        _scopes = scopes;
        _clock = clock;
    }

    protected override string Name => "publish-scheduled-posts";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(30);
    protected override TimeSpan CheckEvery => TimeSpan.FromSeconds(15);

    protected override async Task RunAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublishDuePostsCommand>().RunAsync(_clock.GetUtcNow(), cancellationToken);
    }
}
