namespace LocalProducts.Web.Pages.Discovery;

/// What a catalogue listing tells search engines: whether it may be indexed, and the address
/// that stands for it (its canonical link).
public sealed record CrawlDecision(bool Indexable, string Canonical)
{
    public const string NoIndex = "noindex, follow";

    /// The robots meta tag's content; null (no tag) when the page may be indexed.
    public string? Robots => Indexable ? null : NoIndex;
}
