using System.Globalization;

namespace LocalProducts.Web.Domain;

/// Prices as owners type them: "25.000", "25000", "Rp 25.000" or "Rp25.000,-". Whole rupiah only:
/// in Indonesian the dot groups thousands and the comma starts decimals, so "25,5" is refused
/// rather than guessed.
public static class PriceText
{
    /// Highest price accepted: a trillion rupiah is far beyond any IKM product.
    public const long Maximum = 999_999_999_999;

    public static bool TryParse(string? text, out long amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart('.').TrimStart();
        }
        foreach (var suffix in new[] { ",-", ",00", ",0" })
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
                break;
            }
        }
        s = s.Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 0 || !s.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return false;
        }
        if (s.Contains('.', StringComparison.Ordinal))
        {
            var groups = s.Split('.');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
            s = string.Concat(groups);
        }
        if (s.Length > 12 || !long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > Maximum)
        {
            return false;
        }
        amount = value;
        return true;
    }

    /// "25.000": the form shows saved prices the way owners type them.
    public static string Format(long amount) => new Rupiah(amount).ToString()["Rp ".Length..];
}
