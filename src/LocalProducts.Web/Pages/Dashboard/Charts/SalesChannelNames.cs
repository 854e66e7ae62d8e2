using LocalProducts.Web.Domain.Impact;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Charts;

/// What owners call each channel: marketplaces by their names, the rest in the reader's language.
public static class SalesChannelNames
{
    public static string Of(SalesChannel channel, IStringLocalizer text) => channel switch
    {
        SalesChannel.Tokopedia => "Tokopedia",
        SalesChannel.Shopee => "Shopee",
        SalesChannel.Bukalapak => "Bukalapak",
        SalesChannel.Blibli => "Blibli",
        SalesChannel.Lazada => "Lazada",
        SalesChannel.TikTokShop => "TikTok Shop",
        SalesChannel.WhatsApp => "WhatsApp",
        SalesChannel.Offline => text["Luring"],
        SalesChannel.Website => text["Situs sendiri"],
        _ => text["Lainnya"],
    };
}
