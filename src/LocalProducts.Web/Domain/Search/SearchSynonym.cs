using System.Globalization;
using System.Text;

namespace LocalProducts.Web.Domain.Search;

/// Why two search words go together: shown to staff and used to group the seeded list.
public enum SynonymKind
{
    /// Different words for the same thing: hijab, jilbab, kerudung.
    SameMeaning = 1,
    /// Spelling variants: keripik and kripik.
    Spelling = 2,
    /// An abbreviation and what it stands for: vco, virgin coconut oil.
    Abbreviation = 3,
    /// An everyday word for a category: cemilan for makanan ringan.
    CategoryWord = 4,
    /// An everyday name of a place and the official names in the makers' regions: solo, surakarta.
    Place = 5,
}

/// A pair of search words kept by staff: a search for <see cref="Word"/> also finds
/// <see cref="SameAs"/>, and the other way round when <see cref="BothWays"/>. Applied when a
/// search runs, so a change needs no reindex.
public sealed class SearchSynonym
{
    public const int MaxWords = 4;
    public const int MaxLength = 80;

    public int Id { get; private set; }
    /// Lower case, words separated by one space (see <see cref="Normalize"/>).
    public required string Word { get; set; }
    public required string SameAs { get; set; }
    public SynonymKind Kind { get; set; }
    /// Hijab finds kerudung and kerudung finds hijab; "solo" finds Surakarta, but a search for
    /// "surakarta" should not find everything that mentions solo.
    public bool BothWays { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    /// Lower case letters and digits; everything else separates words. "  Virgin-Coconut  Oil"
    /// is "virgin coconut oil".
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var words = new StringBuilder(text.Length);
        var inWord = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsLetterOrDigit(c))
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

    /// Why a pair cannot be kept, or null: each side one to <see cref="MaxWords"/> words of at
    /// most <see cref="MaxLength"/> characters, and the two sides different.
    public static string? Problem(string word, string sameAs)
    {
        if (word.Length == 0 || sameAs.Length == 0)
        {
            return "Isi kedua kata.";
        }
        if (word.Length > MaxLength || sameAs.Length > MaxLength
            || word.Split(' ').Length > MaxWords || sameAs.Split(' ').Length > MaxWords)
        {
            return "Setiap sisi paling banyak 4 kata dan 80 huruf.";
        }
        return word == sameAs ? "Kedua kata sama." : null;
    }

    /// Whether a pair says again what another one says: the same words in the same order, or
    /// the other order when either pair works both ways (hijab and jilbab both ways already says that jilbab finds hijab).
    /// Both pairs normalized.
    public static bool Repeats(string word, string sameAs, bool bothWays, string otherWord, string otherSameAs, bool otherBothWays) =>
        (word == otherWord && sameAs == otherSameAs)
        || (word == otherSameAs && sameAs == otherWord && (bothWays || otherBothWays));
}
