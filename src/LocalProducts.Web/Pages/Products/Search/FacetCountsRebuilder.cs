using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Products.Search;

/// Rebuilds the kept facet counts (the catalogue's, product_facet_counts, and the common words',
/// product_word_facet_counts, choosing those words again) once the day has turned in WIB, once
/// across all instances: which certificates count as valid changes with the date. Until it has
/// run, searches count from the products themselves, so nothing shown is ever a day old.
public sealed class FacetCountsRebuilder(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FacetCountsRebuilder> logger)
    : ScheduledJob(scopes, clock, logger)
{
    private readonly TimeProvider _clock = clock;

    protected override string Name => "facet-counts";
    /// Checked every minute; the rebuild itself happens once a day.
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task RunAsync(AppDbContext db, CancellationToken cancellationToken) =>
        RebuildIfStaleAsync(db, Wib.Today(_clock), cancellationToken);

    public static async Task RebuildIfStaleAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var current = await db.Database
            .SqlQuery<bool>($"SELECT coalesce((SELECT as_of = {today} FROM product_facet_counts_day), false) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!current)
        {
            await db.Database.ExecuteSqlAsync($"SELECT product_facet_counts_rebuild({today})", cancellationToken);
        }
    }
}
