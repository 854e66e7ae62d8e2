using LocalProducts.Web.Domain.Search;

namespace LocalProducts.Web.Pages.Products.Search;

/// A phrase of the query that the synonym table knows, and what it also finds.
public sealed record SynonymMatch(int Start, int Length, string Phrase, IReadOnlyList<string> Alternatives);

/// The synonym table as a search uses it. Pairs kept both ways join their phrases into one set
/// (hijab ↔ jilbab and hijab ↔ kerudung: each of the three finds the other two); a one-way pair
/// adds its second phrase and that phrase's set to the first ("solo" finds Surakarta; "surakarta"
/// does not find solo).
public sealed class SynonymMap
{
    private readonly Dictionary<string, IReadOnlyList<string>> _alternatives;
    private readonly int _longest;

    public SynonymMap(IEnumerable<SynonymPair> pairs)
    {
        var list = pairs.ToList();
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var pair in list.Where(p => p.BothWays))
        {
            var left = SetOf(pair.Word);
            var right = SetOf(pair.SameAs);
            if (!ReferenceEquals(left, right))
            {
                left.UnionWith(right);
                foreach (var phrase in right)
                {
                    sets[phrase] = left;
                }
            }
        }
        // One-way pairs: the second phrase and its set, for the first phrase and every phrase
        // of the first one's set ("sumatra" is "sumatera", so it finds Aceh as "sumatera" does).
        var oneWay = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var pair in list.Where(p => !p.BothWays))
        {
            if (!oneWay.TryGetValue(pair.Word, out var targets))
            {
                oneWay[pair.Word] = targets = new HashSet<string>(StringComparer.Ordinal);
            }
            targets.UnionWith(sets.TryGetValue(pair.SameAs, out var same) ? same : [pair.SameAs]);
        }
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var phrase in sets.Keys.Concat(oneWay.Keys).Distinct(StringComparer.Ordinal))
        {
            var members = sets.TryGetValue(phrase, out var set) ? set : [phrase];
            var alternatives = new HashSet<string>(members, StringComparer.Ordinal);
            foreach (var member in members)
            {
                alternatives.UnionWith(oneWay.GetValueOrDefault(member) ?? []);
            }
            alternatives.Remove(phrase);
            found[phrase] = alternatives;
        }
        _alternatives = found.Where(f => f.Value.Count > 0)
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        _longest = _alternatives.Count == 0 ? 0 : _alternatives.Keys.Max(k => k.Split(' ').Length);

        HashSet<string> SetOf(string phrase)
        {
            if (!sets.TryGetValue(phrase, out var set))
            {
                sets[phrase] = set = new HashSet<string>(StringComparer.Ordinal) { phrase };
            }
            return set;
        }
    }

    public static SynonymMap Empty { get; } = new([]);

    public IReadOnlyList<string> AlternativesOf(string phrase) =>
        _alternatives.GetValueOrDefault(SearchSynonym.Normalize(phrase)) ?? [];

    /// The phrases of the query (words as <see cref="SearchSynonym.Normalize"/> splits them) that
    /// the table knows, longest first from the left: "minyak kelapa murni" is one phrase, not
    /// "minyak" and "kelapa".
    public IReadOnlyList<SynonymMatch> Find(IReadOnlyList<string> words)
    {
        var matches = new List<SynonymMatch>();
        var i = 0;
        while (i < words.Count)
        {
            var matched = false;
            for (var length = Math.Min(_longest, words.Count - i); length >= 1 && !matched; length--)
            {
                var phrase = string.Join(' ', words.Skip(i).Take(length));
                if (_alternatives.TryGetValue(phrase, out var alternatives))
                {
                    matches.Add(new SynonymMatch(i, length, phrase, alternatives));
                    i += length;
                    matched = true;
                }
            }
            if (!matched)
            {
                i++;
            }
        }
        return matches;
    }
}
