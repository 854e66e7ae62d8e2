using LocalProducts.Web.Domain;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace LocalProducts.Web.Pages.News;

/// Marks the page whose successful GETs are counted as reads of a post (route value "slug").
[AttributeUsage(AttributeTargets.Class)]
public sealed class CountsPostViewsAttribute : Attribute;

/// Reads of posts, counted in this instance's memory and added to post_views in one statement
/// every half minute and at shutdown (<see cref="PostViewFlusher"/>), so a spike of readers
/// never becomes a spike of writes. The counts are this instance's own increments, which no other
/// instance needs; a crash loses at most the last half minute of counts.
public sealed class PostViewCounter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<PostViewCounter> logger)
{
    // A short lock rather than a concurrent dictionary: swapping the batch out must not race with
    // a count landing in the old one.
    private readonly Lock _lock = new();
    private Dictionary<(string Slug, DateOnly Day), long> _pending = [];

    /// Counts only answered pages of published posts (the caller checks the 200), so the keys are
    /// bounded by the posts that exist, not by what addresses people type.
    public void Count(string slug)
    {
        var key = (slug, Wib.Today(clock));
        lock (_lock)
        {
            _pending[key] = _pending.GetValueOrDefault(key) + 1;
        }
    }

    /// Crawlers announce themselves; requests without any User-Agent are scripts, not readers.
    public static bool IsBot(StringValues userAgent)
    {
        var agent = userAgent.ToString();
        return string.IsNullOrWhiteSpace(agent)
            || agent.Contains("bot", StringComparison.OrdinalIgnoreCase)
            || agent.Contains("crawler", StringComparison.OrdinalIgnoreCase)
            || agent.Contains("spider", StringComparison.OrdinalIgnoreCase);
    }

    /// Adds the counts so far to post_views (upsert by post and day); the number of reads written.
    /// On failure the counts are kept for the next try.
    public async Task<long> FlushAsync(CancellationToken cancellationToken)
    {
        KeyValuePair<(string Slug, DateOnly Day), long>[] rows;
        lock (_lock)
        {
            rows = [.. _pending];
            _pending = [];
        }
        if (rows.Length == 0)
        {
            return 0;
        }
        try
        {
            // Slugs are matched to posts here, not per request: counting needs no database.
            await using var command = dataSource.CreateCommand("""
                INSERT INTO post_views (post_id, day, views)
                SELECT p.id, v.day, v.views
                FROM unnest($1::text[], $2::date[], $3::bigint[]) AS v(slug, day, views)
                JOIN posts p ON p.slug = v.slug
                ON CONFLICT (post_id, day) DO UPDATE SET views = post_views.views + EXCLUDED.views
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Key.Slug).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Key.Day).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Value).ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
            return rows.Sum(r => r.Value);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            lock (_lock)
            {
                foreach (var (key, views) in rows)
                {
                    _pending[key] = _pending.GetValueOrDefault(key) + views;
                }
            }
            logger.LogWarning(ex, "Post view counts could not be written; {Count} kept for the next try", rows.Length);
            return 0;
        }
    }
}

/// Counts a read when a post page was answered with 200 to a GET from a browser. It sits in the
/// pipeline before the output cache, so a page served from the cache is counted too; a count in
/// the page model would only see the misses.
public sealed class PostViewCountingMiddleware(RequestDelegate next, PostViewCounter counter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status200OK
            && HttpMethods.IsGet(context.Request.Method)
            && context.GetEndpoint()?.Metadata.GetMetadata<CountsPostViewsAttribute>() is not null
            && context.Request.RouteValues["slug"] is string slug
            && !PostViewCounter.IsBot(context.Request.Headers.UserAgent))
        {
            counter.Count(slug);
        }
    }
}

/// Writes the counts every 30 seconds, and once more when the instance stops.
public sealed class PostViewFlusher(PostViewCounter counter, ILogger<PostViewFlusher> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await counter.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var written = await counter.FlushAsync(cancellationToken);
        logger.LogInformation("Post view counts written at shutdown: {Views}", written);
    }
}
