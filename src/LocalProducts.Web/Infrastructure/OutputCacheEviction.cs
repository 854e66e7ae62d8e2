using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.OutputCaching;
using Npgsql;

namespace LocalProducts.Web.Infrastructure;

/// Anonymous pages are cached by each instance. When data behind them changes, the instance that
/// changed it evicts the tag locally and tells every other instance through PostgreSQL
/// NOTIFY; <see cref="OutputCacheEvictionListener"/> evicts it there. The catalogue tag also
/// clears the <see cref="CatalogueCache"/> behind the pages.
public sealed class OutputCacheEviction(IOutputCacheStore store, CatalogueCache catalogueCache, NpgsqlDataSource dataSource)
{
    public const string Channel = "melokal_output_cache";
    /// Catalogue pages: products, makers, campaigns, posts.
    public const string CatalogueTag = "catalogue";

    public async Task EvictAsync(string tag, CancellationToken cancellationToken)
    {
        if (tag == CatalogueTag)
        {
            catalogueCache.Clear();
        }
        await store.EvictByTagAsync(tag, cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.AddWithValue(Channel);
        command.Parameters.AddWithValue(tag);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// Listens on one database connection for evictions made by any instance.
public sealed class OutputCacheEvictionListener(IOutputCacheStore store, CatalogueCache catalogueCache, NpgsqlDataSource dataSource, ILogger<OutputCacheEvictionListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => _ = EvictAsync(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {OutputCacheEviction.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Notifications sent while this instance was not listening are lost: start clean.
                catalogueCache.Clear();
                await store.EvictByTagAsync(OutputCacheEviction.CatalogueTag, stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Output cache eviction listener lost its connection; reconnecting");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task EvictAsync(string tag)
    {
        try
        {
            if (tag == OutputCacheEviction.CatalogueTag)
            {
                catalogueCache.Clear();
            }
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "Evicting {Tag} from the output cache failed", tag);
        }
    }
}
