using System.Globalization;
using System.Text;

namespace LocalProducts.Web.Pages.Products.Suggestions;

/// What the shopper has typed so far, reduced to lower-case words of letters and digits (nothing
/// else ever reaches SQL). Empty when there is too little (fewer than two letters) or too much
/// (more than <see cref="MaxLength"/> characters): no suggestions then.
public sealed class SuggestionInput
{
    public const int MinLetters = 2;
    public const int MaxLength = 50;

    private SuggestionInput(IReadOnlyList<string> words) => Words = words;

    /// The typed words; the last one may be unfinished.
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// The words joined by single spaces: the cache key and the start of a phrase suggestion.
    public string Text => string.Join(' ', Words);

    /// The words before the last (finished ones).
    public string Before => string.Join(' ', Words.Take(Words.Count - 1));

    public string Last => Words[^1];

    public static SuggestionInput Parse(string? q)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > MaxLength)
        {
            return new SuggestionInput([]);
        }
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in q.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }
        return words.Sum(w => w.Length) < MinLetters ? new SuggestionInput([]) : new SuggestionInput(words.Take(6).ToList());
    }
}
