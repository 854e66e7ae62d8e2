using System.Globalization;

namespace LocalProducts.Web.Domain;

/// Western Indonesian Time (Asia/Jakarta, UTC+7, no daylight saving). Times are stored in UTC
/// and shown in WIB.
public static class Wib
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset ToWib(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToWib(clock.GetUtcNow()).DateTime);

    /// "23 November 2026" in the given culture's month names.
    public static string FormatDate(DateTimeOffset instant, CultureInfo culture) =>
        ToWib(instant).ToString("d MMMM yyyy", culture);

    public static string FormatDate(DateOnly date, CultureInfo culture) => date.ToString("d MMMM yyyy", culture);

    /// "23 November 2026, 17.55 WIB" (Indonesian uses a dot between hours and minutes).
    public static string FormatDateTime(DateTimeOffset instant, CultureInfo culture)
    {
        var wib = ToWib(instant);
        var time = culture.TwoLetterISOLanguageName == "id"
            ? wib.ToString("HH'.'mm", CultureInfo.InvariantCulture)
            : wib.ToString("HH':'mm", CultureInfo.InvariantCulture);
        return $"{wib.ToString("d MMMM yyyy", culture)}, {time} WIB";
    }
}
