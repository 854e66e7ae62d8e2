using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.Leaderboard;

/// The leaderboard's scored rows at the page's address with .csv.
public sealed class LeaderboardCsvDownloadModel(LeaderboardQuery query) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string round, CancellationToken cancellationToken)
    {
        var found = await query.RunAsync(slug, round, cancellationToken);
        if (found.View is null)
        {
            return found.CampaignMovedTo is { } current
                ? RedirectPermanent($"/kampanye/{current}/peringkat/{Uri.EscapeDataString(round)}.csv")
                : NotFound();
        }
        MelokalCaching.AllowShortPublicCache(HttpContext);
        return File(await LeaderboardCsv.WriteAsync(found.View), "text/csv; charset=utf-8", LeaderboardCsv.FileName(found.View));
    }
}
