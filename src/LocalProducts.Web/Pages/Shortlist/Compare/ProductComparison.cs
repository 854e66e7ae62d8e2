namespace LocalProducts.Web.Pages.Shortlist.Compare;

/// The products compared, in the order asked, and the slugs that name no published product.
public sealed record ProductComparison(IReadOnlyList<ComparedProduct> Products, IReadOnlyList<string> Missing);
