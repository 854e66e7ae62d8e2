using System.Globalization;

namespace LocalProducts.Web.Domain;

/// Whole rupiah. Shown as "Rp 25.000" in every language: dot for thousands, no decimals.
public readonly record struct Rupiah(long Amount)
{
    public override string ToString()
    {
        var digits = Math.Abs(Amount).ToString(CultureInfo.InvariantCulture);
        var grouped = new System.Text.StringBuilder(digits.Length + (digits.Length / 3));
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                grouped.Append('.');
            }
            grouped.Append(digits[i]);
        }
        return Amount < 0 ? $"-Rp {grouped}" : $"Rp {grouped}";
    }

    /// "Rp 25.000" or "Rp 25.000 – Rp 40.000" for products with variants.
    public static string FormatRange(long min, long? max) =>
        max is { } upper && upper > min
            ? $"{new Rupiah(min)} – {new Rupiah(upper)}"
            : new Rupiah(min).ToString();
}
