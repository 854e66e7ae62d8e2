using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Melokal.Links;

/// The products a round's content promotes: those the round names, or, when it names none, the
/// campaign's featured products. Published ones only: a link or a choice of a hidden product
/// would lead nowhere.
public static class RoundProducts
{
    public static IQueryable<Product> Of(AppDbContext db, int roundId)
    {
        var round = db.InfluencerRounds.Where(r => r.Id == roundId);
        return db.Products.Where(p => p.State == ProductState.Published && (
            round.Any(r => r.PromotedProductIds.Contains(p.Id))
            || round.Any(r => r.PromotedProductIds.Length == 0 && db.Campaigns.Any(c => c.Id == r.CampaignId && c.FeaturedProducts.Any(f => f.Id == p.Id)))));
    }
}
