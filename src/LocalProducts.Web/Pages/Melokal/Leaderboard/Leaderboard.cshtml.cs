using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.Leaderboard;

/// A round's public leaderboard, with the formula, window and tie rule written above it.
public sealed class LeaderboardModel(LeaderboardQuery query) : PageModel
{
    public LeaderboardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, string round, CancellationToken cancellationToken)
    {
        var found = await query.RunAsync(slug, round, cancellationToken);
        if (found.View is null)
        {
            return found.CampaignMovedTo is { } current
                ? RedirectPermanent($"/kampanye/{current}/peringkat/{Uri.EscapeDataString(round)}")
                : NotFound();
        }
        View = found.View;
        MelokalCaching.AllowShortPublicCache(HttpContext);
        return Page();
    }
}
