using System.Collections.Concurrent;
using LocalProducts.Web.Infrastructure;
using Microsoft.Extensions.Caching.Memory;

namespace LocalProducts.Web.Pages.Products.Search;

/// Data one instance keeps about the catalogue (search facet counts, result pages, reference
/// lists) for a short while. Dropped on every instance whenever the catalogue changes, together
/// with the output cache (<see cref="OutputCacheEviction"/>), so an edit shows everywhere at once.
public sealed class CatalogueCache
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    private readonly MemoryCache? _entries;
    /// Loads under way: readers that miss the same entry together wait for one load, so a burst on
    /// a page that just left the cache costs one computation, not one per reader.
    private readonly ConcurrentDictionary<(long, string), Task> _loading = new();
    private readonly TimeSpan _lifetime;
    private long _generation;

    public CatalogueCache(TimeSpan lifetime)
    {
        _lifetime = lifetime;
        // A bound on entries, not bytes: each entry is a page of ids or a set of counts (a few KB).
        _entries = lifetime > TimeSpan.Zero ? new MemoryCache(new MemoryCacheOptions { SizeLimit = 20_000 }) : null;
    }

    /// Never keeps anything: every call loads (to measure the database, and in tests).
    public static CatalogueCache Disabled { get; } = new(TimeSpan.Zero);

    public async Task<T> GetOrLoadAsync<T>(string key, Func<Task<T>> load)
    {
        if (_entries is null)
        {
            return await load();
        }
        // The generation is read before loading: a clear during the load files the value under
        // the old generation, where nobody looks for it.
        var entryKey = (Interlocked.Read(ref _generation), key);
        if (_entries.TryGetValue(entryKey, out T? cached))
        {
            return cached!;
        }
        var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var loading = _loading.GetOrAdd(entryKey, mine.Task);
        if (loading != mine.Task)
        {
            try
            {
                return await (Task<T>)loading;
            }
            catch (OperationCanceledException)
            {
                // The reader who was loading went away or failed: load for this reader.
                return await load();
            }
        }
        try
        {
            var value = await load();
            _entries.Set(entryKey, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
            _loading.TryRemove(entryKey, out _);
            mine.SetResult(value);
            return value;
        }
        catch
        {
            _loading.TryRemove(entryKey, out _);
            // Cancelled rather than faulted: the waiters load for themselves, and no exception
            // goes unobserved.
            mine.SetCanceled(CancellationToken.None);
            throw;
        }
    }

    public bool TryGet<T>(string key, out T? value)
    {
        value = default;
        return _entries is not null && _entries.TryGetValue((Interlocked.Read(ref _generation), key), out value);
    }

    /// Files a value loaded since <paramref name="generation"/> was read (see <see cref="Generation"/>).
    public void Set<T>(long generation, string key, T value)
    {
        _entries?.Set((generation, key), value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _lifetime });
    }

    /// Read before loading a value that <see cref="Set"/> will file.
    public long Generation => Interlocked.Read(ref _generation);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        Cleared?.Invoke();
    }

    /// After every <see cref="Clear"/> (the read replica's cache follows this one).
    public event Action? Cleared;
}
