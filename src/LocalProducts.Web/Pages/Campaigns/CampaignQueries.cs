using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Campaigns;

public sealed record CampaignListItem(string Slug, string Name, string Hashtag, string? Tagline, DateOnly StartsOn, DateOnly? EndsOn, CampaignPhase Phase);

public sealed class CampaignListQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<CampaignListItem>> RunAsync(CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        return campaigns
            .Select(c => new CampaignListItem(c.Slug, c.Name, c.Hashtag, c.Tagline, c.StartsOn, c.EndsOn, c.PhaseOn(today)))
            .OrderBy(c => c.Phase == CampaignPhase.Running ? 0 : c.Phase == CampaignPhase.Upcoming ? 1 : 2)
            .ToList();
    }
}

public sealed record CampaignPostItem(string Slug, string Title, DateTimeOffset? PublishedAt);

public sealed record CampaignView(
    string Slug,
    string Name,
    string Hashtag,
    string? Tagline,
    string DescriptionHtml,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    CampaignPhase Phase,
    string? BannerCredit,
    IReadOnlyList<CampaignPostItem> Posts,
    IReadOnlyList<ProductCard> FeaturedProducts);

public sealed class CampaignDetailQuery(AppDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public async Task<CampaignView?> RunAsync(string slug, bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.FeaturedCategories)
            .FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (campaign is null)
        {
            return null;
        }
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.CampaignId == campaign.Id && p.State == PostState.Published)
            .OrderByDescending(p => p.PublishedAt)
            .Select(p => new CampaignPostItem(p.Slug, p.Title, p.PublishedAt))
            .ToListAsync(cancellationToken);
        var categoryIds = campaign.FeaturedCategories.Select(c => c.Id).ToList();
        var products = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => categoryIds.Contains(p.CategoryId) || categoryIds.Contains(p.Category!.ParentId ?? 0))
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Take(8)
            .Select(ProductCard.Projection(today, english))
            .ToListAsync(cancellationToken);
        return new CampaignView(campaign.Slug, campaign.Name, campaign.Hashtag, campaign.Tagline, markdown.ToSafeHtml(campaign.Description),
            campaign.StartsOn, campaign.EndsOn, campaign.PhaseOn(today), campaign.BannerCredit, posts, products);
    }
}
