using LocalProducts.Web.Pages.Products;

namespace LocalProducts.Web.Pages.Alternatives;

/// A local product offered as an alternative, and why: its category is one of the mapping's
/// (CategoryName), and the mapping's searches that found it (MatchedPhrases).
public sealed record AlternativeProduct(ProductCard Card, string? CategoryName, IReadOnlyList<string> MatchedPhrases);
