using LocalProducts.Web.Pages.Ikm;
using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.Web.Pages.Discovery;

/// Which catalogue listings deserve to be found. Every combination of filters, sort orders and
/// pages is an address of its own (over 100,000 for 177 products); only the plain listing, one
/// category and one province (and their pages) are indexed under their own address. Everything
/// else is "noindex, follow" with the plain listing as canonical, and robots.txt
/// (<see cref="RobotsTxt"/>) keeps crawlers out of most of it.
public static class CatalogueCrawlRule
{
    /// <param name="input">The search as parsed from the query string.</param>
    /// <param name="page">The page shown (after clamping to the pages there are).</param>
    /// <param name="filtersKnown">False when the category or province named is unknown and was
    /// ignored: the page then shows the plain listing under another address.</param>
    public static CrawlDecision ForProducts(ProductSearchInput input, int page, bool filtersKnown) =>
        Decide("/produk", input.Kategori, input.Provinsi,
            narrowedFurther: input.Q.Length > 0 || input.Kota is not null || input.HargaMin is not null || input.HargaMaks is not null
                || input.Sertifikasi.Count > 0 || input.Alumni || input.Urut != SearchSort.Relevan || !filtersKnown,
            ownAddress: () => input.Url(halaman: page));

    /// <param name="input">The directory filters as parsed from the query string.</param>
    /// <param name="page">The page shown (after clamping to the pages there are).</param>
    /// <param name="filtersKnown">False when the category or province named is unknown.</param>
    public static CrawlDecision ForMakers(IkmDirectoryInput input, int page, bool filtersKnown) =>
        Decide("/ikm", input.Kategori, input.Provinsi,
            narrowedFurther: !string.IsNullOrEmpty(input.Q) || input.Kota is not null || input.Sentra is not null || !filtersKnown,
            ownAddress: () => input.Url(page));

    private static CrawlDecision Decide(string listing, string? category, string? province, bool narrowedFurther, Func<string> ownAddress) =>
        !narrowedFurther && (category is null || province is null)
            ? new CrawlDecision(true, ownAddress())
            : new CrawlDecision(false, listing);
}
