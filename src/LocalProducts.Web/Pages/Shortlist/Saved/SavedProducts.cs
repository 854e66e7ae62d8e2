using LocalProducts.Web.Pages.Products;

namespace LocalProducts.Web.Pages.Shortlist.Saved;

/// The cards of a saved list in the order the list gives, and the slugs that name no published
/// product (removed, hidden, or never there: the page does not say which).
public sealed record SavedProducts(IReadOnlyList<ProductCard> Found, IReadOnlyList<string> Missing);
