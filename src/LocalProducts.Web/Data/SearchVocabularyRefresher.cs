using LocalProducts.Web.Infrastructure;

namespace LocalProducts.Web.Data;

/// Rebuilds the search vocabulary every ten minutes, once across all instances, so new products'
/// words can correct typos. Searching itself never waits for it: the index is always current.
public sealed class SearchVocabularyRefresher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchVocabularyRefresher> logger)
    : ScheduledJob(scopes, clock, logger)
{
    protected override string Name => "search-vocabulary";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task RunAsync(AppDbContext db, CancellationToken cancellationToken) =>
        SearchVocabulary.RefreshAsync(db, cancellationToken);
}
