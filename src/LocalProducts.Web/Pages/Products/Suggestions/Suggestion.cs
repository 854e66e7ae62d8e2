namespace LocalProducts.Web.Pages.Products.Suggestions;

/// One suggestion under the search box: what it is (<see cref="SuggestionKind"/>), what it says
/// and where it leads (an address on this site).
public sealed record Suggestion(string Kind, string Label, string Url);
