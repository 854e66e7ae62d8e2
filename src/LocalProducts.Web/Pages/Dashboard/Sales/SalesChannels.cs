using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The channels' names as owners know them (the view passes them through the localizer), and the
/// words a spreadsheet may use for each.
public static class SalesChannels
{
    public static readonly IReadOnlyList<SalesChannel> All = Enum.GetValues<SalesChannel>();

    public static string Label(SalesChannel channel) => channel switch
    {
        SalesChannel.Tokopedia => "Tokopedia",
        SalesChannel.Shopee => "Shopee",
        SalesChannel.Bukalapak => "Bukalapak",
        SalesChannel.Blibli => "Blibli",
        SalesChannel.Lazada => "Lazada",
        SalesChannel.TikTokShop => "TikTok Shop",
        SalesChannel.WhatsApp => "WhatsApp",
        SalesChannel.Offline => "Luring (offline)",
        SalesChannel.Website => "Situs sendiri",
        _ => "Lainnya",
    };

    private static readonly Dictionary<string, SalesChannel> _words = new(StringComparer.Ordinal)
    {
        ["tokopedia"] = SalesChannel.Tokopedia,
        ["shopee"] = SalesChannel.Shopee,
        ["bukalapak"] = SalesChannel.Bukalapak,
        ["blibli"] = SalesChannel.Blibli,
        ["lazada"] = SalesChannel.Lazada,
        ["tiktokshop"] = SalesChannel.TikTokShop,
        ["tiktok"] = SalesChannel.TikTokShop,
        ["whatsapp"] = SalesChannel.WhatsApp,
        ["wa"] = SalesChannel.WhatsApp,
        ["luring"] = SalesChannel.Offline,
        ["luringoffline"] = SalesChannel.Offline,
        ["offline"] = SalesChannel.Offline,
        ["toko"] = SalesChannel.Offline,
        ["langsung"] = SalesChannel.Offline,
        ["situssendiri"] = SalesChannel.Website,
        ["situs"] = SalesChannel.Website,
        ["website"] = SalesChannel.Website,
        ["web"] = SalesChannel.Website,
        ["lainnya"] = SalesChannel.Other,
        ["lain"] = SalesChannel.Other,
        ["other"] = SalesChannel.Other,
    };

    /// "Tokopedia", "TikTok Shop", "Luring", "offline", "Situs sendiri", "WA"…: case, spaces and
    /// punctuation do not matter.
    public static bool TryParse(string? text, out SalesChannel channel)
    {
        var key = new string([.. (text ?? "").ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return _words.TryGetValue(key, out channel);
    }
}
