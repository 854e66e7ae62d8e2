using LocalProducts.Web.Domain.Impact;
using LocalProducts.Web.Pages.Campaigns.Impact;

namespace LocalProducts.UnitTests.Pages.Campaigns.Impact;

public sealed class ImpactResultCacheTests
{
    private static readonly ImpactSetup _setup = new(
        new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 2, [1], [2]);

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Source
    {
        public long Watermark { get; set; } = 10;
        public bool ChangedInDates { get; set; }
        public int Computed;

        public Task<ImpactResultCache.Entry> GetAsync(ImpactResultCache cache, uint version = 1) => cache.GetAsync(
            7, version, _ => Task.FromResult(Watermark), (_, _, _) => Task.FromResult(ChangedInDates),
            async token =>
            {
                Interlocked.Increment(ref Computed);
                await Task.Delay(20, token);
                return ImpactCalculator.Compute(_setup, []);
            },
            CancellationToken.None);
    }

    [Fact]
    public async Task GetAsync_ManyReadersAtOnce_ComputeOnce()
    {
        var cache = new ImpactResultCache(new Clock());
        var source = new Source();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => source.GetAsync(cache)));
        await source.GetAsync(cache);

        Assert.Equal(1, source.Computed);
    }

    [Fact]
    public async Task GetAsync_ReportWrittenOutsideThePlansDates_ComputesNothing()
    {
        var cache = new ImpactResultCache(new Clock());
        var source = new Source();
        await source.GetAsync(cache);

        source.Watermark = 11;
        var entry = await source.GetAsync(cache);

        Assert.Equal(1, source.Computed);
        Assert.Equal(11, entry.Watermark);
    }

    [Fact]
    public async Task GetAsync_ReportWrittenInThePlansDates_ComputesAgain()
    {
        var cache = new ImpactResultCache(new Clock());
        var source = new Source();
        await source.GetAsync(cache);

        source.Watermark = 11;
        source.ChangedInDates = true;
        await source.GetAsync(cache);

        Assert.Equal(2, source.Computed);
    }

    [Fact]
    public async Task GetAsync_PlanChanged_ComputesAgain()
    {
        var cache = new ImpactResultCache(new Clock());
        var source = new Source();
        await source.GetAsync(cache);

        await source.GetAsync(cache, version: 2);

        Assert.Equal(2, source.Computed);
    }

    [Fact]
    public async Task GetAsync_AfterTheLifetime_ComputesAgain()
    {
        var clock = new Clock();
        var cache = new ImpactResultCache(clock);
        var source = new Source();
        await source.GetAsync(cache);

        clock.Now += ImpactResultCache.Lifetime;
        await source.GetAsync(cache);

        Assert.Equal(2, source.Computed);
    }
}
