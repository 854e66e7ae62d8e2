namespace LocalProducts.Web.Pages.Products.Search;

/// A synonym as search applies it: a search for <see cref="Word"/> also finds
/// <see cref="SameAs"/>, and the other way round when <see cref="BothWays"/>. Both normalized
/// (<see cref="Domain.Search.SearchSynonym.Normalize"/>).
public sealed record SynonymPair(string Word, string SameAs, bool BothWays);
