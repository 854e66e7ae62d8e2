namespace LocalProducts.Web.Domain.Alternatives;

/// Every mapped term and spelling, to find the one a query names: whole words only, the longest
/// phrase first, then the leftmost ("sepatu nike murah" names "nike"; "serum korea asli" names
/// "serum korea", not "serum"; "nikel" names nothing). A lookup is a dictionary probe per phrase of
/// the query, so a search that names no brand costs next to nothing.
public sealed class AlternativeTerms
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly int _longest;

    /// <param name="terms">Spellings already normalized; a spelling two mappings share goes to
    /// the first.</param>
    public AlternativeTerms(IEnumerable<AlternativeTerm> terms)
    {
        foreach (var term in terms)
        {
            foreach (var spelling in term.Spellings.Where(s => s.Length > 0))
            {
                _ids.TryAdd(spelling, term.Id);
            }
        }
        _longest = _ids.Count == 0 ? 0 : _ids.Keys.Max(k => k.Split(' ').Length);
    }

    public static AlternativeTerms Empty { get; } = new([]);

    public int Count => _ids.Count;

    public AlternativeTermMatch? Find(string? query)
    {
        if (_longest == 0 || string.IsNullOrWhiteSpace(query))
        {
            return null;
        }
        var words = LocalAlternative.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var length = Math.Min(_longest, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                var phrase = string.Join(' ', words, start, length);
                if (_ids.TryGetValue(phrase, out var id))
                {
                    return new AlternativeTermMatch(id, phrase);
                }
            }
        }
        return null;
    }
}
