using LocalProducts.Web.Pages.Products;

namespace LocalProducts.Web.Pages.Shortlist.Compare;

/// One column of the comparison: what the product page shows, in the same records.
public sealed record ComparedProduct(
    string Slug,
    string Name,
    long PriceMin,
    long? PriceMax,
    string? Unit,
    int MinOrder,
    MakerCard Maker,
    IReadOnlyList<CertificationView> Certifications,
    IReadOnlyList<MarketplaceView> Marketplaces,
    bool IsPdn);
