using System.Globalization;

namespace LocalProducts.Web.Pages.Charts;

/// How a chart writes its numbers, Indonesian style in every language (as Rupiah does): dot for
/// thousands, comma for decimals. Full in the table ("Rp 1.234.567", "+57,0 %", "1.234"), short on
/// the axis ("Rp 1,2 jt", "Rp 350 rb", "+57 %").
public static class ChartNumbers
{
    public static string Full(double value, ChartValueKind kind, bool signedPercent = true) => kind switch
    {
        ChartValueKind.Rupiah => new Domain.Rupiah((long)Math.Round(value, MidpointRounding.AwayFromZero)).ToString(),
        ChartValueKind.Percent => Percent(value, "#,0.0", signedPercent),
        _ => Number(value, "#,0.#"),
    };

    public static string Compact(double value, ChartValueKind kind, bool signedPercent = true) => kind switch
    {
        ChartValueKind.Rupiah => ShortRupiah(value),
        ChartValueKind.Percent => Percent(value, "#,0.#", signedPercent),
        _ => Math.Abs(value) >= 1_000_000 ? Scaled(value, 1_000_000, "jt") : Number(value, "#,0.#"),
    };

    private static string ShortRupiah(double value)
    {
        var abs = Math.Abs(value);
        var text = abs >= 1e12 ? Scaled(abs, 1e12, "T")
            : abs >= 1e9 ? Scaled(abs, 1e9, "M")
            : abs >= 1e6 ? Scaled(abs, 1e6, "jt")
            : abs >= 1e3 ? Scaled(abs, 1e3, "rb")
            : Number(abs, "#,0");
        return value < 0 && text != "0" ? $"-Rp {text}" : $"Rp {text}";
    }

    private static string Percent(double value, string format, bool signed)
    {
        var text = Number(value, format);
        return signed && value > 0 && text != Number(0, format) ? $"+{text} %" : $"{text} %";
    }

    private static string Scaled(double value, double unit, string suffix) => $"{Number(value / unit, "#,0.##")} {suffix}";

    /// Invariant digits with the separators swapped: "1,234.5" becomes "1.234,5".
    private static string Number(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        if (text is "-0" or "-0.0")
        {
            text = text[1..];
        }
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch { ',' => '.', '.' => ',', var c => c };
            }
        });
    }
}
