namespace LocalProducts.Web.Domain.Alternatives;

/// The phrases one mapping is found by (its normalized term and other spellings).
public sealed record AlternativeTerm(int Id, IReadOnlyList<string> Spellings);
