using LocalProducts.Web.Domain.Search;

namespace LocalProducts.Web.Data.Seeding;

/// One pair of seeds/reference/search/synonyms.tsv, normalized, with the line it came from.
public sealed record SynonymSeed(int Line, string Word, string SameAs, SynonymKind Kind, bool BothWays);
