using LocalProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Rounds;

public sealed record CampaignRounds(string CampaignSlug, string CampaignName, string Hashtag, IReadOnlyList<PublicRound> Rounds);

/// A campaign's public rounds, for /kampanye/{slug}/melokal. Null for an unknown campaign.
public sealed class CampaignRoundsQuery(AppDbContext db)
{
    public async Task<CampaignRounds?> RunAsync(string campaignSlug, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Slug == campaignSlug)
            .Select(c => new { c.Id, c.Slug, c.Name, c.Hashtag }).FirstOrDefaultAsync(cancellationToken);
        if (campaign is null)
        {
            return null;
        }
        var rounds = await PublicRounds.LoadAsync(db, r => r.CampaignId == campaign.Id, cancellationToken);
        return new CampaignRounds(campaign.Slug, campaign.Name, campaign.Hashtag, rounds);
    }
}
