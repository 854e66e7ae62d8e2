namespace LocalProducts.Web.Domain;

/// The parts of a listing that help shoppers decide, in the order an owner should add them.
public enum ListingPart
{
    Photos = 1,
    Description = 2,
    MarketplaceLinks = 3,
    Certifications = 4,
    Price = 5,
}

public sealed record ListingFacts(int PhotoCount, int DescriptionLength, long PriceMin, int CertificationCount, int MarketplaceLinkCount);

public sealed record CompletenessScore(int Score, IReadOnlyList<ListingPart> Missing)
{
    /// What to add next: the missing part worth the most.
    public ListingPart? Next => Missing.Count > 0 ? Missing[0] : null;
}

/// How complete a listing is, 0–100. Photos weigh most (shoppers on phones decide by them), then a
/// description long enough to say what the product is, then where to buy it and its certificates.
public static class ListingCompleteness
{
    /// A description shorter than this rarely says material, size and use.
    public const int MinimumDescriptionLength = 100;

    private static readonly (ListingPart Part, int Weight)[] _weights =
    [
        (ListingPart.Photos, 30),
        (ListingPart.Description, 20),
        (ListingPart.MarketplaceLinks, 20),
        (ListingPart.Certifications, 15),
        (ListingPart.Price, 15),
    ];

    public static CompletenessScore Evaluate(ListingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var score = 0;
        var missing = new List<ListingPart>();
        foreach (var (part, weight) in _weights)
        {
            if (Has(part, facts))
            {
                score += weight;
            }
            else
            {
                missing.Add(part);
            }
        }
        return new CompletenessScore(score, missing);
    }

    private static bool Has(ListingPart part, ListingFacts facts) => part switch
    {
        ListingPart.Photos => facts.PhotoCount > 0,
        ListingPart.Description => facts.DescriptionLength >= MinimumDescriptionLength,
        ListingPart.MarketplaceLinks => facts.MarketplaceLinkCount > 0,
        ListingPart.Certifications => facts.CertificationCount > 0,
        ListingPart.Price => facts.PriceMin > 0,
        _ => false,
    };
}
