using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace LocalProducts.Web.Infrastructure;

/// The query parameters a page under the catalogue cache reads, comma-separated
/// (<c>[CacheVaryByQuery("halaman,kampanye")]</c>, or as endpoint metadata). Only these make a
/// separate output-cache entry: any other parameter (?x=1, ?x=2, …) answers from the same entry,
/// so junk cannot fill the cache with copies of one page.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class CacheVaryByQueryAttribute(string keys) : Attribute
{
    public IReadOnlyList<string> Keys { get; } = keys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// Part of the catalogue cache policy: the entry varies by the parameters the endpoint declares
/// with <see cref="CacheVaryByQueryAttribute"/>, and by none when it declares none.
internal sealed class DeclaredQueryKeysPolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var keys = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<CacheVaryByQueryAttribute>()?.Keys ?? [];
        context.CacheVaryByRules.QueryKeys = new StringValues([.. keys]);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}

/// What a page may echo from the query string (the layout's language link, the search box). A
/// page cached for everyone echoes only the parameters its entry varies by; otherwise the first
/// reader's junk parameters would be served to every reader after them.
public static class CachedQuery
{
    public static QueryString Of(HttpContext context)
    {
        if (VariedKeys(context) is not { } keys)
        {
            return context.Request.QueryString;
        }
        var kept = context.Request.Query
            .Where(pair => keys.Contains(pair.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)));
        return QueryString.Create(kept);
    }

    public static string? Value(HttpContext context, string key) =>
        VariedKeys(context) is { } keys && !keys.Contains(key, StringComparer.OrdinalIgnoreCase) ? null : context.Request.Query[key].FirstOrDefault();

    /// Null when this answer is not stored in the output cache, or is stored by every parameter.
    private static string?[]? VariedKeys(HttpContext context) =>
        context.Features.Get<IOutputCacheFeature>()?.Context is { EnableOutputCaching: true, AllowCacheStorage: true } cache
            && !cache.CacheVaryByRules.QueryKeys.Contains("*")
            ? cache.CacheVaryByRules.QueryKeys.ToArray()
            : null;
}
