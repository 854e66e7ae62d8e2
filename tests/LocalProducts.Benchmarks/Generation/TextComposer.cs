using System.Globalization;
using System.Text;

namespace LocalProducts.Benchmarks.Generation;

/// Fills "{name}" placeholders. A capitalised placeholder ("{Noun}") gives the value with its
/// first letter in upper case. Values may hold placeholders themselves (a part list sentence that
/// names "{variety}"), filled in turn.
internal static class TextComposer
{
    private const int MaxDepth = 4;

    /// Words kept in lower case inside a title: units and short joining words.
    private static readonly HashSet<string> _lowerInTitles = new(StringComparer.Ordinal)
    {
        "g", "kg", "ml", "cm", "mm", "x", "dan", "untuk", "dengan", "dari", "di",
    };

    public static string Fill(string template, Func<string, string?> resolve) => Tidy(Expand(template, resolve, 0));

    /// "kopi bubuk arabika Gayo 250 g" becomes "Kopi Bubuk Arabika Gayo 250 g".
    public static string TitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if ((i > 0 && _lowerInTitles.Contains(word)) || char.IsDigit(word[0]))
            {
                continue;
            }
            words[i] = UpperFirst(word);
        }
        return string.Join(' ', words);
    }

    public static string UpperFirst(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : string.Concat(char.ToUpper(text[0], CultureInfo.InvariantCulture).ToString(), text.AsSpan(1));

    private static string Expand(string template, Func<string, string?> resolve, int depth)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }
        var result = new StringBuilder(template.Length + 64);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }
            result.Append(template, position, open - position);
            var name = template[(open + 1)..close];
            var capitalise = name.Length > 0 && char.IsUpper(name[0]);
            var key = capitalise ? char.ToLowerInvariant(name[0]) + name[1..] : name;
            var value = resolve(key) ?? throw new InvalidOperationException($"No value for placeholder {{{name}}}.");
            if (depth < MaxDepth)
            {
                value = Expand(value, resolve, depth + 1);
            }
            result.Append(capitalise ? UpperFirst(value) : value);
            position = close + 1;
        }
        return result.ToString();
    }

    /// Collapses the spaces an empty placeholder leaves, and starts every sentence with a capital.
    private static string Tidy(string text)
    {
        var result = new StringBuilder(text.Length);
        var sentenceStart = true;
        foreach (var c in text)
        {
            if (c == ' ' && (result.Length == 0 || result[^1] == ' '))
            {
                continue;
            }
            if (c is '.' or ',' or ':' or '?' or '!' && result.Length > 0 && result[^1] == ' ')
            {
                result.Length--;
            }
            if (sentenceStart && char.IsLetter(c))
            {
                result.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
                sentenceStart = false;
                continue;
            }
            if (char.IsLetterOrDigit(c) || c is '#' or '"')
            {
                sentenceStart = false;
            }
            result.Append(c);
            if (c is '.' or '?' or '!')
            {
                sentenceStart = true;
            }
        }
        return result.ToString().Trim();
    }
}
