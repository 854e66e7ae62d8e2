namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// Hits of one key in one bucket during one fixed window, shared by every instance of the site.
public sealed class RateLimitWindow
{
    public required string Bucket { get; init; }
    /// A client address (IPv6 by /64) or a hash, never an e-mail address in clear.
    public required string Key { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    /// When the row may be deleted: the end of its window.
    public DateTimeOffset ExpiresAt { get; init; }
    public int Hits { get; init; }
}
