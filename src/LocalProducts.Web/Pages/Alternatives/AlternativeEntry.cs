namespace LocalProducts.Web.Pages.Alternatives;

/// One mapping as the public pages use it.
public sealed record AlternativeEntry(int Id, string Term, string Reason, IReadOnlyList<string> CategorySlugs, IReadOnlyList<string> SearchPhrases);
