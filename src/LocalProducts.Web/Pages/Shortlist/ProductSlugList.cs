using LocalProducts.Web.Domain;
using Microsoft.Extensions.Primitives;

namespace LocalProducts.Web.Pages.Shortlist;

/// The products a shortlist address names (<c>?p=slug1,slug2</c>): the well-formed slugs in the
/// order given, each once, at most <c>max</c>. Anything else in the parameter is dropped and
/// counted, never an error: the address comes from a shopper's phone or a chat message.
public sealed record ProductSlugList(IReadOnlyList<string> Slugs, int Dropped, bool Truncated)
{
    public const string QueryKey = "p";

    /// Beyond this many pieces the rest of the parameter is not even looked at.
    private const int MaxPieces = 500;

    public static ProductSlugList Parse(StringValues values, int max)
    {
        var slugs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var dropped = 0;
        var truncated = false;
        var pieces = values
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Take(MaxPieces);
        foreach (var piece in pieces)
        {
            var slug = piece.ToLowerInvariant();
            if (!Slug.IsValid(slug))
            {
                dropped++;
            }
            else if (seen.Add(slug))
            {
                if (slugs.Count == max)
                {
                    truncated = true;
                    continue;
                }
                slugs.Add(slug);
            }
        }
        return new ProductSlugList(slugs, dropped, truncated);
    }

    /// The parameter's value for these slugs, for links: slugs need no escaping.
    public static string Value(IEnumerable<string> slugs) => string.Join(',', slugs);
}
