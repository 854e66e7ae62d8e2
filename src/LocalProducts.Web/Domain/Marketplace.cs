namespace LocalProducts.Web.Domain;

public enum Marketplace
{
    Tokopedia = 1,
    Shopee = 2,
    Bukalapak = 3,
    Blibli = 4,
    Lazada = 5,
    TikTokShop = 6,

    /// Not a marketplace: the chat with the maker ("Pesan lewat WhatsApp"). Its clicks are
    /// counted with the marketplaces' (outbound_clicks.platform), but no product links to it:
    /// see <see cref="Marketplaces.Shops"/>.
    WhatsApp = 100,
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

    /// The platforms a product can link to, in order: every value but <see cref="Marketplace.WhatsApp"/>.
    public static IReadOnlyList<Marketplace> Shops { get; } = [.. Enum.GetValues<Marketplace>().Where(m => m != Marketplace.WhatsApp)];

    public static string DisplayName(Marketplace marketplace) => marketplace switch
    {
        Marketplace.TikTokShop => "TikTok Shop",
        _ => marketplace.ToString(),
    };

    /// Only https links on the platform's own domain (or a subdomain of it) are accepted.
    public static bool IsShopUrl(Marketplace marketplace, string? url) => NormaliseShopUrl(marketplace, url) is not null;

    /// The address as it is stored and sent in the redirect's Location header: https on the
    /// platform's own domain, in plain ASCII (host in punycode, the rest percent-encoded, as
    /// Uri.AbsoluteUri writes it). Null when it is not such an address, or when it carries a
    /// control character or a line separator: a line break or a non-ASCII character in a Location
    /// header made the redirect fail with a 500.
    public static string? NormaliseShopUrl(Marketplace marketplace, string? url)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')
            || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(uri.UserInfo) || !uri.IsDefaultPort)
        {
            return null;
        }
        var host = uri.IdnHost.ToLowerInvariant();
        if (!_hosts.TryGetValue(marketplace, out var hosts) || !hosts.Any(allowed => host == allowed || host.EndsWith("." + allowed, StringComparison.Ordinal)))
        {
            return null;
        }
        var normalised = "https://" + host + uri.PathAndQuery + uri.Fragment;
        return normalised.All(c => char.IsAscii(c) && !char.IsControl(c)) ? normalised : null;
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
