using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Data;

/// The words of published products (the search_terms materialized view), used to correct typos
/// and suggest words. Rebuilt at start-up and by <see cref="SearchVocabularyRefresher"/>.
public static class SearchVocabulary
{
    public static Task RefreshAsync(AppDbContext db, CancellationToken cancellationToken) =>
        // CONCURRENTLY: readers keep the old vocabulary while the new one is built.
        db.Database.ExecuteSqlRawAsync("REFRESH MATERIALIZED VIEW CONCURRENTLY search_terms", cancellationToken);
}
