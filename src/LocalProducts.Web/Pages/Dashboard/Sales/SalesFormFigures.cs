using LocalProducts.Web.Domain.Impact;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// Reads the units and revenue a form holds and checks them with <see cref="SalesFigures"/>; the
/// messages go beside their fields.
public static class SalesFormFigures
{
    /// Both '.' and ',' group thousands in a form: "1.250.000" and "1,250,000".
    private const string Thousands = ".,";

    public static (int Units, long Revenue)? Read(string? unitsText, string? revenueText, IStringLocalizer text, List<FormError> errors)
    {
        var unitsOk = SalesText.TryParseWhole(unitsText, Thousands, out var units);
        if (!unitsOk)
        {
            errors.Add(new("Input.Units", text["Tulis jumlah unit sebagai angka bulat, misalnya 12 atau 1.200."]));
        }
        var revenueOk = SalesText.TryParseRupiah(revenueText, Thousands, out var revenue);
        if (!revenueOk)
        {
            errors.Add(new("Input.Revenue", text["Tulis pendapatan dalam rupiah tanpa desimal, misalnya Rp 1.250.000 atau 1250000."]));
        }
        if (!unitsOk || !revenueOk)
        {
            return null;
        }
        if (SalesFigures.Problem(units, revenue) is { } problem)
        {
            errors.Add(new(SalesMessages.IsAboutUnits(problem) ? "Input.Units" : "Input.Revenue", text[SalesMessages.Figures(problem)]));
            return null;
        }
        return ((int)units, revenue);
    }
}
