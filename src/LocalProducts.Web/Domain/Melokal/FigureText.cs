using System.Globalization;

namespace LocalProducts.Web.Domain.Melokal;

public enum FigureProblem
{
    None = 0,
    NotANumber = 1,
    Negative = 2,
    TooLarge = 3,
}

/// A figure as read from a form: the value (null when left empty, which means hidden by the
/// platform or not known) or what is wrong with it.
public readonly record struct FigureReading(int? Value, FigureProblem Problem)
{
    public bool IsValid => Problem == FigureProblem.None;
}

/// Reads a count typed by a person: "1234", "1.234" or "1,234" (thousands), "12 500". Empty is
/// missing, not zero. No decimals and no "12rb": a count is a whole number.
public static class FigureText
{
    /// More followers than any account on any platform has: a typo, not a figure.
    public const int MaxFollowers = 1_000_000_000;
    /// Counts are stored as int; views of a very big video can pass a billion.
    public const int MaxCount = int.MaxValue;

    public static FigureReading Read(string? text, int max = MaxCount)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, FigureProblem.None);
        }
        var trimmed = text.Trim();
        var negative = trimmed.StartsWith('-') || trimmed.StartsWith('\u2212');
        if (negative)
        {
            trimmed = trimmed[1..].TrimStart();
        }
        var digits = WithoutThousandsSeparators(trimmed);
        if (digits is null || digits.Length == 0)
        {
            return new(null, FigureProblem.NotANumber);
        }
        if (negative && digits.Any(c => c != '0'))
        {
            return new(null, FigureProblem.Negative);
        }
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        {
            return new(null, FigureProblem.TooLarge);
        }
        return new((int)value, FigureProblem.None);
    }

    /// "1.234.567" → "1234567"; null when the text is not digits in groups of three.
    private static string? WithoutThousandsSeparators(string text)
    {
        if (text.All(char.IsAsciiDigit))
        {
            return text;
        }
        var separator = text.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (separator is not ('.' or ',' or ' ' or '\u00a0'))
        {
            return null;
        }
        var groups = text.Split(separator);
        if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3) || !groups.All(g => g.All(char.IsAsciiDigit)))
        {
            return null;
        }
        return string.Concat(groups);
    }
}
