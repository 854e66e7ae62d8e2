using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.SignUp;

/// What the sign-up and confirmation pages show about a round.
public sealed record RoundSignUpView(
    int Id, string Slug, string Title, string CampaignSlug, string CampaignName, DateOnly WindowStartsOn, DateOnly WindowEndsOn,
    IReadOnlyList<SocialPlatform> Platforms, bool TakesSignUps, int? EventId)
{
    public string SignUpPath => RoundSignUpPaths.SignUp(CampaignSlug, Slug);
}

public static class RoundSignUpPaths
{
    public static string SignUp(string campaignSlug, string roundSlug) =>
        $"/kampanye/{Uri.EscapeDataString(campaignSlug)}/melokal/{Uri.EscapeDataString(roundSlug)}/daftar";

    public static string Confirm(string campaignSlug, string roundSlug) =>
        $"/kampanye/{Uri.EscapeDataString(campaignSlug)}/melokal/{Uri.EscapeDataString(roundSlug)}/konfirmasi";
}

/// A round by its campaign and its own slug; draft rounds are not public.
public sealed class RoundSignUpQuery(AppDbContext db)
{
    public async Task<RoundSignUpView?> RunAsync(string campaignSlug, string roundSlug, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking()
            .Where(r => r.Slug == roundSlug && r.Campaign!.Slug == campaignSlug && r.State != RoundState.Draft)
            .Select(r => new { Round = r, CampaignSlug = r.Campaign!.Slug, CampaignName = r.Campaign.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var r = round.Round;
        return new RoundSignUpView(r.Id, r.Slug, r.Title, round.CampaignSlug, round.CampaignName, r.WindowStartsOn, r.WindowEndsOn,
            [.. SocialPlatforms.All.Where(r.Platforms.Contains)], r.TakesSignUps, r.EventId);
    }
}
