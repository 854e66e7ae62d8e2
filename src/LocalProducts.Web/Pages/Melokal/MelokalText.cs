using System.Globalization;

namespace LocalProducts.Web.Pages.Melokal;

/// How the programme's pages write rates.
public static class MelokalText
{
    /// A rate as a percentage with two decimals in the reader's language: 0.0412 → "4,12 %"
    /// (Indonesian), "4.12 %" (English). Empty for no rate.
    public static string Percent(double? rate, CultureInfo culture) =>
        rate is { } value ? (value * 100).ToString("0.00", culture) + " %" : "";

    public static string Percent(double? rate) => Percent(rate, CultureInfo.CurrentCulture);

    /// A whole number with the reader's thousands mark: 12345 → "12.345" (Indonesian).
    public static string Number(long value) => value.ToString("#,0", CultureInfo.CurrentCulture);
}
