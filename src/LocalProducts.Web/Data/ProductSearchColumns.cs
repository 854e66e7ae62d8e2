namespace LocalProducts.Web.Data;

/// Columns of `products` that the database derives (triggers in Data/Sql: products_derive.sql,
/// products_refresh_certifications.sql) for search and facets; mapped as shadow properties, never
/// written by the application.
public static class ProductSearchColumns
{
    /// tsvector: name (A), category and maker (B), region and description (C).
    public const string SearchVector = "SearchVector";
    /// Copied from the product's IKM, for region filters without a join.
    public const string ProvinceCode = "ProvinceCode";
    public const string RegencyCode = "RegencyCode";
    /// The last day a certificate of that kind is valid ('infinity' when it never expires), null when none.
    public const string TkdnValidUntil = "TkdnValidUntil";
    public const string HalalValidUntil = "HalalValidUntil";
    public const string SniValidUntil = "SniValidUntil";
    /// The last day the product qualifies for the PDN mark (TKDN ≥ 25 % and TKDN + BMP ≥ 40 %).
    public const string PdnValidUntil = "PdnValidUntil";
}
