using System.Globalization;

namespace LocalProducts.Web.Domain.Melokal;

/// A date and time typed in WIB: what a datetime-local field sends ("2026-01-15T19:30") or what a
/// person writes ("15/1/2026 19.30", "2026-01-15 19:30").
public static class WibTimeText
{
    private static readonly string[] _formats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH.mm", "yyyy-MM-dd HH:mm:ss",
        "d/M/yyyy HH:mm", "d/M/yyyy HH.mm", "d-M-yyyy HH:mm", "d-M-yyyy HH.mm",
    ];

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTime.TryParseExact(text.Trim(), _formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }
        // Stored in UTC, like every instant.
        instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Wib.Offset).ToUniversalTime();
        return true;
    }

    /// The value a datetime-local field shows for the instant, in WIB.
    public static string ForInput(DateTimeOffset instant) => Wib.ToWib(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
