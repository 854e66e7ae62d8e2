using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.Web.Pages.Alternatives;

/// Every mapping, with the terms to find one in a query: loaded once into the
/// <see cref="Products.Search.CatalogueCache"/>, which a save of a mapping clears on every instance.
public sealed record AlternativeCatalogue(AlternativeTerms Terms, IReadOnlyDictionary<int, AlternativeEntry> Entries)
{
    public static AlternativeCatalogue Empty { get; } = new(AlternativeTerms.Empty, new Dictionary<int, AlternativeEntry>());

    /// The mapping the query names, or null.
    public AlternativeEntry? Find(string? query) =>
        Terms.Find(query) is { } match ? Entries.GetValueOrDefault(match.Id) : null;

    /// A few terms to offer when a query names none: brands of different kinds, in file order.
    public IReadOnlyList<string> Examples(int count) =>
        [.. Entries.Values.OrderBy(e => e.Id).DistinctBy(e => e.Reason).Select(e => e.Term).Take(count)];
}
