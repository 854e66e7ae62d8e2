using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;

namespace LocalProducts.Web.Pages;

/// Small formatting helpers for views: the reader's language, WIB dates and rupiah.
public static class SiteText
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Date(DateTimeOffset instant) => Wib.FormatDate(instant, CultureInfo.CurrentCulture);

    /// The instant for a time element's datetime attribute: UTC to the second, as HTML reads it
    /// (the round-trip "O" format's seven decimals are not valid there).
    public static string MachineTime(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly day) => Wib.FormatDate(day, CultureInfo.CurrentCulture);

    public static string DateTime(DateTimeOffset instant) => Wib.FormatDateTime(instant, CultureInfo.CurrentCulture);

    public static string Price(long min, long? max) => Rupiah.FormatRange(min, max);

    /// "page" for the navigation link of the section the reader is in, null (no attribute) elsewhere.
    public static string? CurrentIf(HttpContext context, string sectionPath) =>
        context.Request.Path.StartsWithSegments(sectionPath, StringComparison.OrdinalIgnoreCase) ? "page" : null;

    /// An absolute address (e-mails, calendar files, feeds, sitemaps, canonical and OpenGraph
    /// links), always from Site:PublicUrl, never from the Host the request names.
    public static string AbsoluteUrl(HttpContext context, string path) =>
        context.RequestServices.GetRequiredService<PublicAddress>().Absolute(path);

    /// The placeholder drawing of a category, shown where a product has no photo yet.
    public static string CategoryImage(string categorySlug) => $"/img/kategori/{categorySlug}.svg";
}
