using System.Linq.Expressions;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Rounds;

/// The rounds readers may see: every state but draft, oldest window first.
public static class PublicRounds
{
    public static IQueryable<InfluencerRound> Visible(IQueryable<InfluencerRound> rounds) =>
        rounds.Where(r => r.State != RoundState.Draft);

    public static async Task<IReadOnlyList<PublicRound>> LoadAsync(
        AppDbContext db, Expression<Func<InfluencerRound, bool>> filter, CancellationToken cancellationToken)
    {
        var rows = await Visible(db.InfluencerRounds.AsNoTracking())
            .Where(filter)
            .OrderBy(r => r.WindowStartsOn).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                CampaignSlug = r.Campaign!.Slug,
                r.Campaign.Hashtag,
                r.Slug,
                r.Title,
                r.State,
                r.WindowStartsOn,
                r.WindowDays,
                EventTitle = r.Event == null ? null : r.Event.Title,
                // Only a published event has a public page to link to.
                EventSlug = r.Event == null || r.Event.State != EventState.Published ? null : r.Event.Slug,
                EventStartsAt = r.Event == null ? (DateTimeOffset?)null : r.Event.StartsAt,
                Prizes = r.Prizes.OrderBy(p => p.Rank).Select(p => new PublicPrize(p.Rank, p.Description, p.ValueRupiah)).ToList(),
            })
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => new PublicRound(r.Id, r.CampaignSlug, r.Hashtag, r.Slug, r.Title, r.State, r.WindowStartsOn,
                r.WindowStartsOn.AddDays(r.WindowDays - 1), r.EventTitle, r.EventSlug, r.EventStartsAt, r.Prizes)),
        ];
    }
}
