using System.Globalization;

namespace LocalProducts.Web.Domain;

/// Percentages as typed: "45,67" (Indonesian) or "45.67" (what a number field sends), with or
/// without "%". A percentage needs no thousands separator, so either mark is the decimal one.
public static class PercentText
{
    public static bool TryParse(string? text, out decimal percent)
    {
        percent = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (s.Length == 0 || s.Count(c => c == '.') > 1 || !s.All(c => char.IsAsciiDigit(c) || c == '.')
            || !decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        // Two decimals is what TKDN certificates state; more would be lost by the column.
        if (decimal.Round(value, 2) != value)
        {
            return false;
        }
        percent = value;
        return true;
    }

    public static string Format(decimal? percent) =>
        percent is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',') : "";
}
