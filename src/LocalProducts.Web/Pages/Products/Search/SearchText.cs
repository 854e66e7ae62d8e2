using LocalProducts.Web.Domain;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Products.Search;

/// A facet as the view shows it: its values and where choosing one leads.
public sealed record FacetView(string Title, IReadOnlyList<FacetValue> Values, Func<FacetValue, string> Url, int Collapse = 0);

/// Labels of the search page that depend on values.
public static class SearchText
{
    public static string PriceRange(long? min, long? max, IStringLocalizer t) => (min, max) switch
    {
        ({ } low, { } high) => $"{new Rupiah(low)} – {new Rupiah(high)}",
        ({ } low, null) => t["dari {0}", new Rupiah(low)],
        (null, { } high) => t["sampai {0}", new Rupiah(high)],
        _ => "",
    };

    public static string PriceBand(string key, IStringLocalizer t)
    {
        var band = ProductSearch.PriceBands.Single(b => b.Key == key);
        return band switch
        {
            { Min: null, Max: { } high } => t["di bawah {0}", new Rupiah(high + 1)],
            { Min: { } low, Max: null } => t["{0} ke atas", new Rupiah(low)],
            { Min: { } low, Max: { } high } => $"{new Rupiah(low)} – {new Rupiah(high + 1)}",
            _ => key,
        };
    }

    public static string PriceBandUrl(ProductSearchInput input, string key)
    {
        var band = ProductSearch.PriceBands.Single(b => b.Key == key);
        return input.Url(hargaMin: band.Min, hargaMaks: band.Max);
    }
}
