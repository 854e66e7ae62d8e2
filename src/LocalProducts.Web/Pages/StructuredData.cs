using System.Text.Json;
using LocalProducts.Web.Pages.Ikm;
using LocalProducts.Web.Pages.Products;

namespace LocalProducts.Web.Pages;

/// schema.org JSON-LD for search engines and link previews. The serializer escapes angle brackets and ampersands so
/// the text can sit inside a script element.
public static class StructuredData
{
    private static readonly JsonSerializerOptions _json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Product(ProductDetailView v, HttpContext context)
    {
        var url = SiteText.AbsoluteUrl(context, $"/produk/{v.Slug}");
        // Search engines get the JPEG copies: the widest each photo has, in a format every crawler reads.
        var images = v.Photos.Count > 0 ? v.Photos.Select(p => p.Image.ShareUrl).ToList() : [ProductIllustration.For(v.Name, v.CategorySlug).Url];
        object offers = v.PriceMax is { } max
            ? new Dictionary<string, object> { ["@type"] = "AggregateOffer", ["priceCurrency"] = "IDR", ["lowPrice"] = v.PriceMin, ["highPrice"] = max, ["url"] = url }
            : new Dictionary<string, object> { ["@type"] = "Offer", ["priceCurrency"] = "IDR", ["price"] = v.PriceMin, ["url"] = url };
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = v.Name,
            ["description"] = v.DescriptionText,
            ["url"] = url,
            ["image"] = images.Select(i => SiteText.AbsoluteUrl(context, i)).ToArray(),
            ["category"] = v.Breadcrumbs.Count > 0 ? v.Breadcrumbs[^1].Name : null,
            ["brand"] = new Dictionary<string, object> { ["@type"] = "Brand", ["name"] = v.Maker.Name },
            ["manufacturer"] = new Dictionary<string, object>
            {
                ["@type"] = "Organization",
                ["name"] = v.Maker.Name,
                ["url"] = SiteText.AbsoluteUrl(context, $"/ikm/{v.Maker.Slug}"),
            },
            ["offers"] = offers,
        }, _json);
    }

    public static string Organization(IkmProfileView v, HttpContext context) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = v.Name,
            ["url"] = SiteText.AbsoluteUrl(context, $"/ikm/{v.Slug}"),
            ["description"] = v.StoryText,
            ["logo"] = v.Logo is null ? null : SiteText.AbsoluteUrl(context, v.Logo.ShareUrl),
            ["foundingDate"] = v.FoundedYear?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["email"] = v.Email,
            ["telephone"] = v.WhatsApp,
            ["address"] = new Dictionary<string, object?>
            {
                ["@type"] = "PostalAddress",
                ["streetAddress"] = v.Address,
                ["addressLocality"] = v.RegencyName,
                ["addressRegion"] = v.ProvinceName,
                ["addressCountry"] = "ID",
            },
        }, _json);
}
