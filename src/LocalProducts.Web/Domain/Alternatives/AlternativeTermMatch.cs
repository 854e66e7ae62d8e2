namespace LocalProducts.Web.Domain.Alternatives;

/// The mapping a query names, and the phrase of the query that named it.
public sealed record AlternativeTermMatch(int Id, string Phrase);
