using System.Globalization;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// How owners write periods and figures: days "2026-11-05" or "05/11/2026" (day first), months
/// "2026-11" or "11/2026", whole numbers "1.234.567", "1,234,567" or "1234567", rupiah with or
/// without "Rp". Negative numbers are read, so the rule on figures can say what is wrong.
public static class SalesText
{
    private static readonly string[] _dayFormats = ["yyyy-M-d", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy/M/d"];
    private static readonly string[] _cents = [",00", ".00", ",0", ".0"];
    private static readonly string[] _monthFormats = ["yyyy-M", "M/yyyy", "M-yyyy", "yyyy/M", "M.yyyy"];

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact((text ?? "").Trim(), _dayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// A month, or a day of it: its first day.
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        var trimmed = (text ?? "").Trim();
        if (DateOnly.TryParseExact(trimmed, _monthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out month)
            || TryParseDay(trimmed, out month))
        {
            month = new DateOnly(month.Year, month.Month, 1);
            return true;
        }
        return false;
    }

    /// "1.234", "1,234", "1 234" or "1234", with a sign; <paramref name="thousands"/> are the
    /// separators allowed between groups of three.
    public static bool TryParseWhole(string? text, string thousands, out long value)
    {
        value = 0;
        var s = Compact(text);
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }
        if (!Digits(s, thousands, out var digits) || digits.Length > 15)
        {
            return false;
        }
        value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
        return true;
    }

    /// Rupiah: "Rp 1.250.000", "Rp1.250.000,-", "1.250.000", "1250000", "1,250,000" (when ','
    /// separates thousands), "1.250.000,00".
    public static bool TryParseRupiah(string? text, string thousands, out long value)
    {
        value = 0;
        var s = Compact(text);
        var negative = s.StartsWith('-');
        if (negative)
        {
            s = s[1..];
        }
        if (s.StartsWith("rp", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart('.');
        }
        if (s.StartsWith('-'))
        {
            negative = true;
            s = s[1..];
        }
        if (s.EndsWith(",-", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        string digits;
        if (!Digits(s, thousands, out digits))
        {
            // Zero cents as Excel writes them: "1.250.000,00" or "1,250,000.00".
            var cents = _cents.FirstOrDefault(c => s.EndsWith(c, StringComparison.Ordinal));
            if (cents is null || !Digits(s[..^cents.Length], thousands, out digits))
            {
                return false;
            }
        }
        if (digits.Length > 15)
        {
            return false;
        }
        value = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * (negative ? -1 : 1);
        return true;
    }

    private static string Compact(string? text) =>
        (text ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal).Replace('\u2212', '-');

    private static bool Digits(string s, string thousands, out string digits)
    {
        digits = "";
        if (s.Length == 0)
        {
            return false;
        }
        if (s.All(char.IsAsciiDigit))
        {
            digits = s;
            return true;
        }
        var separator = s.FirstOrDefault(c => !char.IsAsciiDigit(c));
        if (!thousands.Contains(separator, StringComparison.Ordinal))
        {
            return false;
        }
        var groups = s.Split(separator);
        if (groups[0].Length is < 1 or > 3 || !groups.All(g => g.All(char.IsAsciiDigit)) || groups.Skip(1).Any(g => g.Length != 3))
        {
            return false;
        }
        digits = string.Concat(groups);
        return true;
    }

    /// "5 November 2026" or "November 2026".
    public static string Period(SalesPeriodKind kind, DateOnly start) =>
        kind == SalesPeriodKind.Monthly ? start.ToString("MMMM yyyy", CultureInfo.CurrentCulture) : SiteText.Date(start);

    /// "2026-11-05" or "2026-11": the period as the form and the CSV take it.
    public static string PeriodKey(SalesPeriodKind kind, DateOnly start) =>
        start.ToString(kind == SalesPeriodKind.Monthly ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
