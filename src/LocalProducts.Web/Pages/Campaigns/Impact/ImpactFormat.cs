using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// How the impact page writes its figures and reasons, in the reader's language: "+57 %" with an
/// Indonesian decimal comma, "Rp 25.000" a day, "63 poin persen".
public static class ImpactFormat
{
    /// 0.5712 → "+57 %" (decimals 0) or "+57,1 %" (decimals 1) in Indonesian; "+57%" in English.
    public static string Percent(double fraction, int decimals = 0)
    {
        var culture = CultureInfo.CurrentCulture;
        var format = decimals == 0 ? "+0;-0;0" : "+0." + new string('0', decimals) + ";-0." + new string('0', decimals) + ";0";
        var number = (fraction * 100).ToString(format, culture);
        return culture.TwoLetterISOLanguageName == "en" ? $"{number}%" : $"{number} %";
    }

    public static string Number(double value, int decimals = 0) => value.ToString(decimals == 0 ? "N0" : $"N{decimals}", CultureInfo.CurrentCulture);

    public static string RupiahPerDay(double value) => new Rupiah((long)Math.Round(value, MidpointRounding.AwayFromZero)).ToString();

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    public static string Reason(IStringLocalizer text, WithheldReason reason) => reason switch
    {
        WithheldReason.FewIkm => text["kurang dari {0} IKM melapor", ImpactSuppression.MinimumIkm],
        WithheldReason.Concentrated => text["dua IKM terbesar membuat lebih dari {0} penjualannya", Percent(ImpactSuppression.DominanceLimit).TrimStart('+')],
        _ => text["ada bulan di periode ini yang disembunyikan"],
    };

    /// The machine-readable reason in the CSV and JSON files.
    public static string ReasonCode(WithheldReason? reason) => reason switch
    {
        null => "",
        WithheldReason.FewIkm => "few_ikm",
        WithheldReason.Concentrated => "concentrated",
        _ => "overlaps_withheld_month",
    };

    /// What the control shows, in plain words.
    public static string ControlInWords(IStringLocalizer text, ImpactResult result)
    {
        if (result.Control.Change is not { } control)
        {
            return text["Kategori pembanding tidak dapat dihitung (datanya kurang atau disembunyikan), jadi perubahan kategori kampanye belum dapat dibandingkan dengan musim atau keadaan umum."];
        }
        var moved = Math.Abs(control) < 0.005
            ? text["Kategori lain hampir tidak berubah pada tanggal yang sama ({0}).", Percent(control)].Value
            : control > 0
                ? text["Kategori lain naik {0} pada tanggal yang sama.", Percent(control).TrimStart('+')].Value
                : text["Kategori lain turun {0} pada tanggal yang sama.", Percent(-control).TrimStart('+')].Value;
        if (result.DifferencePoints is not { } points)
        {
            return moved;
        }
        var rounded = Number(Math.Abs(points));
        var rest = points >= 0
            ? text["Setelah dikurangi perubahan itu, kenaikan yang dapat dikaitkan dengan kampanye sekitar {0} poin persen.", rounded].Value
            : text["Setelah dikurangi perubahan itu, kategori kampanye tertinggal sekitar {0} poin persen dari kategori lain.", rounded].Value;
        return $"{moved} {rest}";
    }
}
