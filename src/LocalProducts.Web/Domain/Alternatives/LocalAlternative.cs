namespace LocalProducts.Web.Domain.Alternatives;

/// Staff's mapping from an imported brand or product word to what IKM make instead: categories
/// and the search words that find the products. Says nothing about the brand beyond
/// "alternatif lokal".
public sealed class LocalAlternative
{
    public const int TermMaxLength = 60;
    public const int OtherSpellingsMaxLength = 200;
    public const int SearchWordsMaxLength = 200;
    public const int ReasonMaxLength = 300;

    private readonly List<Category> _categories = [];

    public int Id { get; private set; }
    /// The brand or word as shoppers type it, shown as typed by staff ("Starbucks").
    public required string Term { get; set; }
    /// Lower-cased, single-spaced Term: what a query is matched on, unique.
    public required string NormalizedTerm { get; set; }
    public AlternativeTermKind Kind { get; set; }
    /// Other ways shoppers write it, comma-separated ("sbux, starbuck").
    public string? OtherSpellings { get; set; }
    /// Words that find the local products in the catalogue search ("kopi arabika").
    public required string SearchWords { get; set; }
    /// Why these replace it, shown to the shopper ("Kopi biji dan bubuk dari kebun Indonesia").
    public required string Reason { get; set; }
    public IReadOnlyList<Category> Categories => _categories;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    /// Replaces the categories the mapping points to.
    public void PointTo(IEnumerable<Category> categories)
    {
        _categories.Clear();
        _categories.AddRange(categories.DistinctBy(c => c.Id));
    }
}
