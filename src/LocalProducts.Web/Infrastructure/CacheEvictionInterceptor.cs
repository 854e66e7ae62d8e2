using System.Data.Common;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LocalProducts.Web.Infrastructure;

/// Evicts the cached catalogue pages (on every instance, see <see cref="OutputCacheEviction"/>)
/// when a save changes what anonymous readers see, once the change is committed: commands never
/// call the eviction themselves, so none can forget it. Which saved entities count is decided
/// here, by type. Bulk statements (ExecuteUpdate/ExecuteDelete) bypass it. One instance per
/// DbContext (scoped), registered after the audit interceptor.
public sealed class CacheEvictionInterceptor(OutputCacheEviction eviction) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private bool _captured;
    private bool _pending;

    /// Whether a change of this entry shows on a public page: the catalogue, makers, campaigns,
    /// events, posts and their shown comments, the search synonyms and the local alternatives. Counters, audit entries,
    /// revisions and accounts do not.
    internal static bool ChangesPublicPages(EntityEntry entry) => entry.Entity switch
    {
        Ikm or Product or Certification or MarketplaceLink or ProductImage or Category => true,
        Campaign or CampaignEvent or CampaignSlugRedirect => true,
        // The campaign page links to its Melokal rounds once one leaves draft.
        InfluencerRound => true,
        // The campaign page links to its impact page once the plan is published.
        Domain.Impact.CampaignImpactPlan => true,
        // Search applies the synonyms at query time: cached result pages would keep the old ones.
        Domain.Search.SearchSynonym => true,
        // /alternatif-lokal and the box on /produk read the local alternatives (and their categories).
        Domain.Alternatives.LocalAlternative => true,
        // A draft or a comment waiting for staff is not public: saving one must not empty every cache.
        Post => IsOrWas(entry, nameof(Post.State), PostState.Published),
        PostSlugRedirect => true,
        Comment => IsOrWas(entry, nameof(Comment.State), CommentState.Approved),
        // Join rows of a campaign's featured categories, products and makers.
        Dictionary<string, object> => entry.Metadata.Name.StartsWith("campaign_featured_", StringComparison.Ordinal)
            || entry.Metadata.Name == "local_alternative_categories",
        _ => false,
    };

    private static bool IsOrWas<T>(EntityEntry entry, string property, T value)
        where T : struct, Enum
    {
        var state = entry.Property(property);
        return Equals(state.CurrentValue, value) || (entry.State != EntityState.Added && Equals(state.OriginalValue, value));
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        if (_pending && eventData.Context?.Database.CurrentTransaction is null)
        {
            EvictAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        if (_pending && eventData.Context?.Database.CurrentTransaction is null)
        {
            await EvictAsync(cancellationToken);
        }
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => _captured = false;

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _captured = false;
        return Task.CompletedTask;
    }

    // Inside a transaction (the command's own, or the one the audit interceptor opens) the pages
    // are evicted after the commit: evicting before it would let a reader cache the old rows again.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (_pending)
        {
            EvictAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_pending)
        {
            await EvictAsync(cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _pending = false;

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = false;
        return Task.CompletedTask;
    }

    // Or-ed: the audit interceptor saves its entries in a nested SaveChanges of the same context.
    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        context.ChangeTracker.DetectChanges();
        _captured |= context.ChangeTracker.Entries()
            .Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ChangesPublicPages(e));
    }

    private void Saved(DbContext? context)
    {
        _pending |= _captured && context is not null;
        _captured = false;
    }

    private async ValueTask EvictAsync(CancellationToken cancellationToken)
    {
        _pending = false;
        await eviction.EvictAsync(OutputCacheEviction.CatalogueTag, cancellationToken);
    }
}
