using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// What the check needs to know about the round: its platforms and window, the influencers'
/// handles, the products the file names and the posts already stored.
public sealed record ImportContext(
    IReadOnlySet<SocialPlatform> Platforms,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    IReadOnlyDictionary<(SocialPlatform Platform, string HandleKey), ImportHandle> Handles,
    IReadOnlyDictionary<string, int> ProductsBySlug,
    IReadOnlyDictionary<string, IReadOnlySet<int>> StoredUrlOwners)
{
    public bool IsInWindow(DateTimeOffset instant) => instant >= WindowStart && instant < WindowEnd;
}

/// An influencer's handle in the round: the entry it belongs to and whether it is approved.
public sealed record ImportHandle(int EntryId, bool Approved);
