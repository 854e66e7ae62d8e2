using LocalProducts.Web.Data;
using LocalProducts.Web.Pages.Products.Search;
using Npgsql;

namespace LocalProducts.Web.Infrastructure.Replica;

/// What the public read queries of one request read from, as <see cref="ReadRouting"/> decided:
/// on the replica a read-only context (no tracking, no interceptors), its pool and its cache; on
/// the primary the request's own context, pool and cache, as without a replica.
public sealed class ReadDatabase(
    IHttpContextAccessor http, ReadRouting routing, ReplicaDatabase replica, IServiceProvider services, NpgsqlDataSource primary, CatalogueCache primaryCache)
    : IAsyncDisposable
{
    private AppDbContext? _replicaContext;

    /// Outside a request (jobs, start-up) the primary.
    public bool FromReplica { get; } = http.HttpContext is { } context && routing.ReadsFromReplica(context);

    public AppDbContext Context => FromReplica
        ? _replicaContext ??= new AppDbContext(replica.ContextOptions)
        : services.GetRequiredService<AppDbContext>();

    public NpgsqlDataSource DataSource => FromReplica ? replica.DataSource : primary;

    public CatalogueCache Cache => FromReplica ? replica.Cache : primaryCache;

    public async ValueTask DisposeAsync()
    {
        if (_replicaContext is not null)
        {
            await _replicaContext.DisposeAsync();
        }
    }
}
