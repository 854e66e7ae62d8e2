namespace LocalProducts.Web.Domain;

public enum Marketplace
{
    Tokopedia = 1,
    Shopee = 2,
    Bukalapak = 3,
    Blibli = 4,
    Lazada = 5,
    TikTokShop = 6,
}

public static class Marketplaces
{
    private static readonly Dictionary<Marketplace, string[]> _hosts = new()
    {
        [Marketplace.Tokopedia] = ["tokopedia.com", "tokopedia.link"],
        [Marketplace.Shopee] = ["shopee.co.id"],
        [Marketplace.Bukalapak] = ["bukalapak.com"],
        [Marketplace.Blibli] = ["blibli.com"],
        [Marketplace.Lazada] = ["lazada.co.id"],
        [Marketplace.TikTokShop] = ["tiktok.com", "shop.tiktok.com"],
    };

    public static string DisplayName(Marketplace marketplace) => marketplace switch
    {
        Marketplace.TikTokShop => "TikTok Shop",
        _ => marketplace.ToString(),
    };

    /// Only https links on the platform's own domain (or a subdomain of it) are accepted.
    public static bool IsShopUrl(Marketplace marketplace, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.UserInfo) || !uri.IsDefaultPort)
        {
            return false;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        return _hosts[marketplace].Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal));
    }
}

/// A link to the maker's listing of this product on one marketplace.
public sealed class MarketplaceLink
{
    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public Marketplace Platform { get; init; }
    public required string Url { get; set; }
}
