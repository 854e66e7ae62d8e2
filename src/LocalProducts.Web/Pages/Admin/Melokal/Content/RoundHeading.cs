using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Content;

/// What the round's staff pages show above their content, and the links between them.
public sealed record RoundHeading(int Id, string Title, RoundState State, DateOnly WindowStartsOn, DateOnly WindowEndsOn, string CampaignSlug, string Slug)
{
    public string LeaderboardPath => $"/kampanye/{CampaignSlug}/peringkat/{Slug}";

    public static async Task<RoundHeading> OfAsync(AppDbContext db, InfluencerRound round, CancellationToken cancellationToken)
    {
        var campaignId = round.CampaignId;
        var campaignSlug = await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.Slug).SingleAsync(cancellationToken);
        return new RoundHeading(round.Id, round.Title, round.State, round.WindowStartsOn, round.WindowEndsOn, campaignSlug, round.Slug);
    }
}
