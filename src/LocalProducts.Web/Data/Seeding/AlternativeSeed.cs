using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.Web.Data.Seeding;

/// One mapping of seeds/reference/search/local-alternatives.tsv, with the line it came from.
public sealed record AlternativeSeed(
    int Line,
    string Term,
    AlternativeTermKind Kind,
    string OtherSpellings,
    IReadOnlyList<string> CategorySlugs,
    string SearchWords,
    string Reason);
