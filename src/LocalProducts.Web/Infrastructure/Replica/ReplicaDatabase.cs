using LocalProducts.Web.Data;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.Replica;

/// The read replica (ConnectionStrings:Replica), registered only when it is set: its connection
/// pool, the options of the read-only contexts made on it, and its own
/// <see cref="CatalogueCache"/>, so a value read from the replica is never served to a reader of
/// the primary (who must see their own edit).
public sealed class ReplicaDatabase : IDisposable
{
    public ReplicaDatabase(string connectionString, TimeSpan cacheLifetime, int connectionWaitSeconds)
    {
        DataSource = new NpgsqlDataSourceBuilder(AppDbContext.TunedConnectionString(connectionString, connectionWaitSeconds)).Build();
        // The health check must not hang on a replica that is gone: a short wait, its own pool.
        var check = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = 2,
            CommandTimeout = 2,
            MaxPoolSize = 2,
            ApplicationName = "melokal-replica-check",
        };
        CheckDataSource = NpgsqlDataSource.Create(check);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, DataSource);
        ContextOptions = options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
        Cache = new CatalogueCache(cacheLifetime);
    }

    public NpgsqlDataSource DataSource { get; }

    public NpgsqlDataSource CheckDataSource { get; }

    public DbContextOptions<AppDbContext> ContextOptions { get; }

    public CatalogueCache Cache { get; }

    public void Dispose()
    {
        DataSource.Dispose();
        CheckDataSource.Dispose();
    }
}
