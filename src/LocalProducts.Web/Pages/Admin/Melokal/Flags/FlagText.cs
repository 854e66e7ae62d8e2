using System.Globalization;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Flags;

/// Flags in plain words: the rule's name, the decision and the figures, in the reader's language.
public static class FlagText
{
    /// Indonesian names; the views pass them through T.
    public static string Rule(FlagRule rule) => rule switch
    {
        FlagRule.FollowerJumpInWindow => "Pengikut melonjak dalam jendela",
        FlagRule.FollowerJumpPerDay => "Pengikut melonjak dalam sehari",
        FlagRule.OutlierRate => "Tingkat interaksi jauh di atas kiriman lain",
        FlagRule.SharedUrl => "Alamat kiriman yang sama di dua influencer",
        _ => "Suka jauh melebihi komentar",
    };

    public static string Decision(FlagStatus status) => status switch
    {
        FlagStatus.Open => "Terbuka",
        FlagStatus.Cleared => "Dinyatakan wajar",
        FlagStatus.PostExcluded => "Kiriman dikecualikan",
        _ => "Influencer dikecualikan",
    };

    /// "Pengikut naik 18,2 % dalam jendela (batas 10 %): 10000 → 11820, …".
    public static string Explain(IStringLocalizer text, FlagRule rule, double observed, double limit, string figures) => (rule switch
    {
        FlagRule.FollowerJumpInWindow => text["Pengikut naik {0} dalam jendela (batas {1}): {2}", Percent(observed), Percent(limit), figures],
        FlagRule.FollowerJumpPerDay => text["Pengikut naik {0} per hari (batas {1}): {2}", Number(observed), Number(limit), figures],
        FlagRule.OutlierRate => text["Skor-z termodifikasi {0} (batas {1}); tingkat kiriman vs median putaran: {2}", Number(observed), Number(limit), figures],
        FlagRule.SharedUrl => text["Alamat yang sama dipakai {0} influencer (batas {1}): {2}", Number(observed), Number(limit), figures],
        _ => text["{0} suka per komentar (batas {1}); suka / komentar: {2}", Number(observed), Number(limit), figures],
    }).Value;

    /// A share as a percentage: 0.182 → "18,2 %".
    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.CurrentCulture) + " %";

    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);
}
