namespace LocalProducts.Web.Pages.Products.Search;

/// When a typed word with too few results may be replaced by a catalogue word. Only a word that is
/// not a known Indonesian word (nor a place name) is corrected, and only to a word close in
/// spelling (one edit for words under 7 letters, two for longer ones; a swap of two letters is one
/// edit) that at least <see cref="MinProducts"/> products use. "sepatu" stays "sepatu" (a word,
/// even with no products); "kripik" may become "keripik" (one letter) but never "kriya" (three);
/// "kopii" becomes "kopi".
public static class CorrectionRule
{
    /// A candidate used by fewer products is too rare to stand for what the shopper meant.
    public const int MinProducts = 2;

    /// A catalogue word near a typed one, and how many products use it.
    public sealed record Candidate(string Word, int Products);

    /// The candidate to search instead of <paramref name="typed"/>, or null to keep the word as typed.
    public static string? Choose(string typed, bool typedIsKnown, IEnumerable<Candidate> candidates)
    {
        if (typedIsKnown)
        {
            return null;
        }
        var allowed = MaxEdits(typed);
        return candidates
            .Where(c => c.Word != typed && c.Products >= MinProducts)
            .Select(c => (c.Word, c.Products, Edits: EditDistance(typed, c.Word)))
            .Where(c => c.Edits <= allowed)
            .OrderBy(c => c.Edits).ThenByDescending(c => c.Products).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word)
            .FirstOrDefault();
    }

    /// Suffixes whose removal leaves a known word a known word's form ("sepatunya"); a bare "-i"
    /// is not one, as a doubled last letter is a common typo ("kopii" is not "kop").
    private static readonly string[] _suffixes = ["nya", "kan", "an", "lah", "kah", "pun", "ku", "mu"];

    /// Whether a typed word is a known word: as typed, or its stem when the rest is a prefix or one
    /// of the usual suffixes.
    public static bool IsKnown(string raw, string stem, Func<string, bool> known) =>
        known(raw) || (known(stem) && (!raw.StartsWith(stem, StringComparison.Ordinal) || _suffixes.Contains(raw[stem.Length..], StringComparer.Ordinal)));

    /// Whether a suggested word is close enough to one of the typed ones to be offered.
    public static bool IsClose(string typed, string suggested) => EditDistance(typed, suggested) <= MaxEdits(typed) + 1;

    /// The edits a typo of a word this long may hold.
    public static int MaxEdits(string typed) => typed.Length < 7 ? 1 : 2;

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters, one edit each.
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
