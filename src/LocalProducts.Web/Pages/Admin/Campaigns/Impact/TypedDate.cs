using System.Globalization;

namespace LocalProducts.Web.Pages.Admin.Campaigns.Impact;

/// A date as staff type it: 2026-03-01 (as a date field sends it) or 01/03/2026 (as Indonesians
/// write it, day first). Single-digit days and months are fine ("1/3/2026").
public static class TypedDate
{
    private static readonly string[] _formats = ["yyyy-M-d", "d/M/yyyy"];

    public static DateOnly? Parse(string? typed) =>
        DateOnly.TryParseExact(typed?.Trim(), _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// How the form shows a date back.
    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
