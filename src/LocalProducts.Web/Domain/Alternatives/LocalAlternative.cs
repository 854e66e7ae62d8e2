using System.Globalization;
using System.Text;

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
    /// A term or spelling longer than this many words is no brand or product word.
    public const int MaxTermWords = 4;

    private readonly List<Category> _categories = [];

    public int Id { get; private set; }
    /// The brand or word as shoppers type it, shown as typed by staff ("Starbucks").
    public required string Term { get; set; }
    /// Lower-cased, single-spaced Term: what a query is matched on, unique.
    public required string NormalizedTerm { get; set; }
    public AlternativeTermKind Kind { get; set; }
    /// Other ways shoppers write it, comma-separated ("sbux, starbuck").
    public string? OtherSpellings { get; set; }
    /// Words that find the local products in the catalogue search ("kopi arabika"); several
    /// searches are separated by commas ("kopi arabika, kopi bubuk").
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

    /// Sets what staff typed, normalized: the term as typed (trimmed, single spaces) and its
    /// matching form, the other spellings and search words as clean comma-separated lists.
    public void Describe(string term, AlternativeTermKind kind, string? otherSpellings, string searchWords, string reason, DateTimeOffset now)
    {
        Term = Tidy(term);
        NormalizedTerm = Normalize(term);
        Kind = kind;
        var spellings = List(otherSpellings).Where(s => s != NormalizedTerm).ToList();
        OtherSpellings = spellings.Count == 0 ? null : string.Join(", ", spellings);
        SearchWords = string.Join(", ", List(searchWords));
        Reason = Tidy(reason);
        UpdatedAt = now;
    }

    /// The normalized term and other spellings: every phrase a query is matched on.
    public IReadOnlyList<string> Spellings() => [.. new[] { Normalize(NormalizedTerm) }.Concat(List(OtherSpellings)).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    /// Each search the catalogue runs for this mapping ("kopi arabika", "kopi bubuk").
    public IReadOnlyList<string> SearchPhrases() => List(SearchWords);

    /// How a term is matched: lower case, accents dropped ("L'Oréal" is "loreal"), apostrophes
    /// dropped ("Levi's" is "levis"), every other character that is not a letter, digit or "&amp;"
    /// separates words, which are joined by single spaces, trimmed.
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var words = new StringBuilder(text.Length);
        var inWord = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD).ToLower(CultureInfo.InvariantCulture))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '`')
            {
                continue;
            }
            if (char.IsLetterOrDigit(c) || c == '&')
            {
                if (!inWord && words.Length > 0)
                {
                    words.Append(' ');
                }
                words.Append(c);
                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }
        return words.ToString();
    }

    /// A comma-separated list, each item normalized, empty and repeated items dropped.
    public static IReadOnlyList<string> List(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated)
            ? []
            : [.. commaSeparated.Split(',').Select(Normalize).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];

    /// What is wrong with a mapping as typed (an Indonesian message key), or null.
    public static string? Problem(string? term, string? otherSpellings, string? searchWords, string? reason)
    {
        var normalized = Normalize(term);
        if (normalized.Length == 0)
        {
            return "Isi merek atau kata produk.";
        }
        if (Tidy(term).Length > TermMaxLength || normalized.Split(' ').Length > MaxTermWords)
        {
            return "Merek atau kata produk paling banyak 4 kata dan 60 karakter.";
        }
        if (List(otherSpellings).Any(s => s.Split(' ').Length > MaxTermWords) || (otherSpellings?.Length ?? 0) > OtherSpellingsMaxLength)
        {
            return "Ejaan lain: paling banyak 200 karakter, tiap ejaan paling banyak 4 kata.";
        }
        if (List(searchWords).Count == 0)
        {
            return "Isi kata pencarian produk lokal.";
        }
        if (string.Join(", ", List(searchWords)).Length > SearchWordsMaxLength)
        {
            return "Kata pencarian paling banyak 200 karakter.";
        }
        var tidyReason = Tidy(reason);
        if (tidyReason.Length == 0)
        {
            return "Isi alasan singkat.";
        }
        return tidyReason.Length > ReasonMaxLength ? "Alasan paling banyak 300 karakter." : null;
    }

    /// Trimmed, with runs of white space made one space.
    private static string Tidy(string? text) =>
        string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
