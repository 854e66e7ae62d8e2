using System.Collections.Concurrent;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// Each instance keeps the last computed impact of each campaign, so influencer traffic does not
/// group millions of reports per request. An entry holds while the plan's Version is the same and
/// no report in the plan's dates was written since: every write of a report adds a row to
/// sales_report_revisions, so the highest revision id read before computing is the watermark; a
/// newer id makes the instance ask whether any of the new revisions is in the plan's dates (a
/// short range read on the primary key) and compute again only then. Concurrent readers of one
/// campaign wait for one computation. An entry also ends after <see cref="Lifetime"/>, the
/// backstop for what the watermark cannot see (a revision committed after a newer one, a report
/// deleted with its IKM). Nothing here is needed by another instance: each computes at most once
/// per change.
public sealed class ImpactResultCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> _locks = new();

    public sealed record Entry(uint PlanVersion, long Watermark, DateTimeOffset ComputedAt, ImpactResult Result);

    /// How many times this instance computed (for tests and the benchmark).
    public int Computations => _computations;

    private int _computations;

    public async Task<Entry> GetAsync(
        int campaignId,
        uint planVersion,
        Func<CancellationToken, Task<long>> watermark,
        Func<long, long, CancellationToken, Task<bool>> changedBetween,
        Func<CancellationToken, Task<ImpactResult>> compute,
        CancellationToken cancellationToken)
    {
        var mark = await watermark(cancellationToken);
        if (_entries.TryGetValue(campaignId, out var cached) && Holds(cached, planVersion) && cached.Watermark == mark)
        {
            return cached;
        }
        var gate = _locks.GetOrAdd(campaignId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_entries.TryGetValue(campaignId, out cached) && Holds(cached, planVersion))
            {
                if (cached.Watermark >= mark)
                {
                    return cached;
                }
                if (!await changedBetween(cached.Watermark, mark, cancellationToken))
                {
                    return _entries[campaignId] = cached with { Watermark = mark };
                }
            }
            var result = await compute(cancellationToken);
            Interlocked.Increment(ref _computations);
            return _entries[campaignId] = new Entry(planVersion, mark, clock.GetUtcNow(), result);
        }
        finally
        {
            gate.Release();
        }
    }

    private bool Holds(Entry entry, uint planVersion) =>
        entry.PlanVersion == planVersion && clock.GetUtcNow() - entry.ComputedAt < Lifetime;
}
