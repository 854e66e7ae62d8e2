using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Admin.Melokal.Entries;

/// The e-mails that tell an influencer staff's decision.
public static class EntryDecisionMail
{
    public static string ApprovalBody(IStringLocalizer text, InfluencerRound round, string name, string submissionUrl, string leaderboardUrl)
    {
        var culture = CultureInfo.CurrentCulture;
        var lines = new List<string>
        {
            text["Halo {0},", name],
            "",
            text["pendaftaran Anda di putaran \"{0}\" diterima.", round.Title],
            "",
            text["Masa pantau: {0} sampai {1} (WIB). Hanya kiriman dalam masa ini yang dinilai.", Wib.FormatDate(round.WindowStartsOn, culture), Wib.FormatDate(round.WindowEndsOn, culture)],
            text["Platform yang dihitung: {0}.", string.Join(", ", round.Platforms.Select(SocialPlatforms.NameOf))],
            "",
            text["Kirim tautan kiriman Anda dan angkanya lewat halaman pribadi ini (jangan bagikan tautannya):"],
            submissionUrl,
            "",
            text["Papan peringkat:"],
            leaderboardUrl,
        };
        if (!string.IsNullOrWhiteSpace(round.Rules))
        {
            lines.AddRange(["", text["Aturan putaran:"], round.Rules.Trim()]);
        }
        lines.AddRange(["", "Melokal · Kementerian Perindustrian"]);
        return string.Join('\n', lines);
    }

    public static string DeclineBody(IStringLocalizer text, InfluencerRound round, string name, string reason) =>
        string.Join('\n', new List<string>
        {
            text["Halo {0},", name],
            "",
            text["mohon maaf, pendaftaran Anda di putaran \"{0}\" belum dapat kami terima.", round.Title],
            "",
            text["Alasannya:"],
            reason,
            "",
            text["Anda dapat mendaftar lagi di putaran berikutnya."],
            "",
            "Melokal · Kementerian Perindustrian",
        });
}
