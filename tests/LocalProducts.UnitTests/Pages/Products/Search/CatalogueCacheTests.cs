using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.UnitTests.Pages.Products.Search;

public sealed class CatalogueCacheTests
{
    [Fact]
    public async Task GetOrLoad_SecondCall_IsServedWithoutLoading()
    {
        var cache = new CatalogueCache(TimeSpan.FromMinutes(1));
        var loads = 0;

        await cache.GetOrLoadAsync("kopi", () => Task.FromResult(++loads));
        var second = await cache.GetOrLoadAsync("kopi", () => Task.FromResult(++loads));

        Assert.Equal(1, second);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task Clear_DropsWhatWasKept()
    {
        var cache = new CatalogueCache(TimeSpan.FromMinutes(1));
        await cache.GetOrLoadAsync("kopi", () => Task.FromResult("old"));

        cache.Clear();

        Assert.Equal("new", await cache.GetOrLoadAsync("kopi", () => Task.FromResult("new")));
    }

    [Fact]
    public async Task Clear_WhileLoading_DoesNotKeepTheStaleValue()
    {
        // The catalogue changed while the value was being read: it may already be out of date.
        var cache = new CatalogueCache(TimeSpan.FromMinutes(1));

        await cache.GetOrLoadAsync("kopi", () =>
        {
            cache.Clear();
            return Task.FromResult("read before the change");
        });

        Assert.Equal("fresh", await cache.GetOrLoadAsync("kopi", () => Task.FromResult("fresh")));
    }

    [Fact]
    public async Task GetOrLoad_ReadersMissingTogether_ShareOneLoad()
    {
        var cache = new CatalogueCache(TimeSpan.FromMinutes(1));
        var release = new TaskCompletionSource<int>();
        var loads = 0;

        var readers = Enumerable.Range(0, 8)
            .Select(_ => cache.GetOrLoadAsync("kopi", () =>
            {
                Interlocked.Increment(ref loads);
                return release.Task;
            }))
            .ToList();
        release.SetResult(42);
        var values = await Task.WhenAll(readers);

        Assert.Equal(1, loads);
        Assert.All(values, value => Assert.Equal(42, value));
    }

    [Fact]
    public async Task GetOrLoad_WhenTheSharedLoadFails_TheWaiterLoadsForItself()
    {
        var cache = new CatalogueCache(TimeSpan.FromMinutes(1));
        var fail = new TaskCompletionSource<string>();

        var first = cache.GetOrLoadAsync("kopi", () => fail.Task);
        var waiter = cache.GetOrLoadAsync("kopi", () => Task.FromResult("own load"));
        fail.SetException(new InvalidOperationException("database gone"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal("own load", await waiter);
    }

    [Fact]
    public async Task Disabled_LoadsEveryTime()
    {
        var loads = 0;

        await CatalogueCache.Disabled.GetOrLoadAsync("kopi", () => Task.FromResult(++loads));
        await CatalogueCache.Disabled.GetOrLoadAsync("kopi", () => Task.FromResult(++loads));

        Assert.Equal(2, loads);
        Assert.False(CatalogueCache.Disabled.TryGet<int>("kopi", out _));
    }
}
