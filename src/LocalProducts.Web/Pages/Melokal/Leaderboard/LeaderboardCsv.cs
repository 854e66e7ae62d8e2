using System.Globalization;
using CsvHelper;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Melokal.Leaderboard;

/// The leaderboard's rows as CSV: UTF-8 with a byte-order mark (so Excel reads names right), a
/// decimal dot, rates as percentages with four decimals, and every cell a spreadsheet would run
/// as a formula (= + - @ first) written with a leading apostrophe. Handles are written without
/// their "@".
public static class LeaderboardCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "rank", "name", "handles", "posts", "scored_posts", "median_rate_pct", "mean_rate_pct", "engagements",
        "first_post_wib", "link_clicks", "flags_cleared", "unranked_reason", "prize", "prize_value_rupiah",
    ];

    public static async Task<byte[]> WriteAsync(LeaderboardView view)
    {
        using var output = new MemoryStream();
        await using (var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var row in view.Rows)
            {
                csv.WriteRecord([
                    row.Rank?.ToString(CultureInfo.InvariantCulture) ?? "",
                    row.Name,
                    Handles(row.Handles),
                    row.Posts.ToString(CultureInfo.InvariantCulture),
                    row.ScoredPosts.ToString(CultureInfo.InvariantCulture),
                    Percent(row.MedianRate),
                    Percent(row.MeanRate),
                    row.Engagements.ToString(CultureInfo.InvariantCulture),
                    row.FirstPostAt is { } first ? Wib.ToWib(first).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "",
                    row.LinkClicks.ToString(CultureInfo.InvariantCulture),
                    row.FlagsCleared.ToString(CultureInfo.InvariantCulture),
                    row.Unranked switch
                    {
                        Domain.Melokal.UnrankedReason.TooFewPosts => "too_few_posts",
                        Domain.Melokal.UnrankedReason.Excluded => "excluded",
                        _ => "",
                    },
                    row.Prize ?? "",
                    row.PrizeValueRupiah?.ToString(CultureInfo.InvariantCulture) ?? "",
                ]);
            }
        }
        return output.ToArray();
    }

    /// "@kopi (Instagram), @kopinus (TikTok)" → "kopi (Instagram), kopinus (TikTok)": without the
    /// "@", which a spreadsheet would otherwise take for a formula (and the guard would prefix).
    public static string Handles(string handles) =>
        string.Join(", ", handles.Split(", ").Select(h => h.StartsWith('@') ? h[1..] : h));

    /// 0.041234 → "4.1234".
    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.0000", CultureInfo.InvariantCulture) : "";

    public static string FileName(LeaderboardView view) => $"melokal-{view.Round.CampaignSlug}-{view.Round.Slug}.csv";
}
