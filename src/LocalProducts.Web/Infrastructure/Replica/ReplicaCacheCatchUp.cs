using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Infrastructure.Replica;

/// Evictions follow the primary's commit, but a replica may replay that commit a moment later: a
/// reader of the replica in between would put the old data back into the caches, for their whole
/// lifetime. So whenever the catalogue cache is cleared (on any instance's edit), the replica's
/// cache is cleared with it and once more, with the catalogue pages of the output cache, when the
/// replica must have caught up (<see cref="ReplicaOptions.MaxLag"/> and a second; beyond that lag
/// nobody reads it). A burst of edits makes one catch-up, after the last.
public sealed class ReplicaCacheCatchUp(
    CatalogueCache primaryCache, ReplicaDatabase replica, IOutputCacheStore store, IOptions<ReplicaOptions> options, TimeProvider clock, ILogger<ReplicaCacheCatchUp> logger)
    : IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private DateTimeOffset _due;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        primaryCache.Cleared += OnCleared;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        primaryCache.Cleared -= OnCleared;
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private TimeSpan Delay => options.Value.MaxLag + TimeSpan.FromSeconds(1);

    private void OnCleared()
    {
        replica.Cache.Clear();
        lock (_lock)
        {
            _due = clock.GetUtcNow() + Delay;
            _timer ??= clock.CreateTimer(_ => _ = CatchUpAsync(), null, Delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task CatchUpAsync()
    {
        lock (_lock)
        {
            var left = _due - clock.GetUtcNow();
            if (left > TimeSpan.Zero)
            {
                _timer!.Change(left, Timeout.InfiniteTimeSpan);
                return;
            }
            _timer!.Dispose();
            _timer = null;
        }
        try
        {
            replica.Cache.Clear();
            await store.EvictByTagAsync(OutputCacheEviction.CatalogueTag, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Evicting the catalogue again after the replica caught up failed");
        }
    }
}
