using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.Web.Pages.Alternatives;

/// What /alternatif-lokal shows for a mapped term: the mapping, its categories (with names) and
/// the local products, best first.
public sealed record LocalAlternativeResult(AlternativeEntry Entry, IReadOnlyList<CategoryLink> Categories, IReadOnlyList<AlternativeProduct> Products);
