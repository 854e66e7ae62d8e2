using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

public sealed record RoundEditorView(
    int Id, uint Version, RoundState State, int CampaignId, string CampaignName, string CampaignSlug, int? EventId, string? EventTitle,
    string Title, string Slug, DateOnly WindowStartsOn, int WindowDays, SocialPlatform[] Platforms, bool ScoreVideoByViews, int MinimumPosts,
    decimal FollowerJumpShare, int FollowerJumpPerDay, int[] ProductIds, int[] CategoryIds, string? Rules, IReadOnlyList<RoundPrizeView> Prizes)
{
    public bool SettingsEditable => State is RoundState.Draft or RoundState.OpenForSignUp;

    /// Prizes are recorded with the winners when the round is finalised: fixed from then on.
    public bool PrizesEditable => State != RoundState.Final;
}

public sealed record RoundPrizeView(int Rank, string Description, long ValueRupiah);

public sealed record CampaignOption(int Id, string Name);

public sealed record EventOption(int Id, string Title, int CampaignId, string CampaignName, DateTimeOffset StartsAt);

/// What the round editor reads: the round, and the campaigns, events, categories and products to
/// choose from.
public sealed class RoundEditorQuery(AppDbContext db, CampaignEditorQuery campaigns)
{
    /// Products offered as ticks: enough to cover a campaign's featured categories, few enough to read.
    public const int ProductChoices = 60;

    public async Task<RoundEditorView?> RunAsync(int id, CancellationToken cancellationToken)
    {
        var round = await db.InfluencerRounds.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Round = r,
                CampaignName = r.Campaign!.Name,
                CampaignSlug = r.Campaign.Slug,
                EventTitle = r.Event == null ? null : r.Event.Title,
                Prizes = r.Prizes.OrderBy(p => p.Rank).Select(p => new RoundPrizeView(p.Rank, p.Description, p.ValueRupiah)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var r = round.Round;
        return new RoundEditorView(r.Id, r.Version, r.State, r.CampaignId, round.CampaignName, round.CampaignSlug, r.EventId, round.EventTitle,
            r.Title, r.Slug, r.WindowStartsOn, r.WindowDays, r.Platforms, r.ScoreVideoByViews, r.MinimumPosts, r.FollowerJumpShare,
            r.FollowerJumpPerDay, r.PromotedProductIds, r.PromotedCategoryIds, r.Rules, round.Prizes);
    }

    public Task<List<CampaignOption>> CampaignsAsync(CancellationToken cancellationToken) =>
        db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name)
            .Select(c => new CampaignOption(c.Id, c.Name)).ToListAsync(cancellationToken);

    /// Events that belong to a campaign, newest first (a round follows one of its campaign's talks).
    public Task<List<EventOption>> EventsAsync(CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.CampaignId != null && e.State != EventState.Cancelled)
            .OrderByDescending(e => e.StartsAt)
            .Select(e => new EventOption(e.Id, e.Title, e.CampaignId!.Value, e.Campaign!.Name, e.StartsAt))
            .ToListAsync(cancellationToken);

    public Task<IReadOnlyList<CategoryChoice>> CategoriesAsync(CancellationToken cancellationToken) => campaigns.CategoriesAsync(cancellationToken);

    /// The products to tick: those already chosen, the campaign's featured products, and the
    /// published products of its featured categories (a parent category brings its children's).
    public async Task<IReadOnlyList<FeatureChoice>> ProductChoicesAsync(int? campaignId, IReadOnlyCollection<int> chosen, CancellationToken cancellationToken)
    {
        var featured = new List<int>();
        var categories = new List<int>();
        if (campaignId is { } id)
        {
            featured = await db.Campaigns.Where(c => c.Id == id).SelectMany(c => c.FeaturedProducts.Select(p => p.Id)).ToListAsync(cancellationToken);
            categories = await db.Campaigns.Where(c => c.Id == id).SelectMany(c => c.FeaturedCategories.Select(x => x.Id)).ToListAsync(cancellationToken);
        }
        var fromCategories = categories.Count == 0 ? [] : await db.Products.AsNoTracking()
            .Where(p => p.State == ProductState.Published && !featured.Contains(p.Id)
                && (categories.Contains(p.CategoryId) || (p.Category!.ParentId != null && categories.Contains(p.Category.ParentId.Value))))
            .OrderBy(p => p.Name).Take(ProductChoices).Select(p => p.Id).ToListAsync(cancellationToken);
        var ids = chosen.Concat(featured).Concat(fromCategories).Distinct().ToList();
        return await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id))
            .OrderBy(p => chosen.Contains(p.Id) ? 0 : 1).ThenBy(p => p.Name)
            .Select(p => new FeatureChoice(p.Id, p.Name, p.Slug, p.Ikm!.Name))
            .ToListAsync(cancellationToken);
    }
}
