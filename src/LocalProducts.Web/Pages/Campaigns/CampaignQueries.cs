using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Events;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Campaigns;

/// Name and tagline in the reader's language when staff wrote them in English (see <see cref="LangText"/>).
public sealed record CampaignListItem(string Slug, LangText Name, string Hashtag, LangText? Tagline, DateOnly StartsOn, DateOnly? EndsOn, CampaignPhase Phase);

public sealed class CampaignListQuery(AppDbContext db, TimeProvider clock)
{
    /// Running first (newest start first), then upcoming (soonest first), then past (latest end first).
    public async Task<IReadOnlyList<CampaignListItem>> RunAsync(bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ToListAsync(cancellationToken);
        var items = campaigns.Select(c => new CampaignListItem(c.Slug, LangText.Of(c.Name, c.EnglishName, english), c.Hashtag,
            LangText.OfOptional(c.Tagline, c.EnglishTagline, english), c.StartsOn, c.EndsOn, c.PhaseOn(today))).ToList();
        return
        [
            .. items.Where(c => c.Phase == CampaignPhase.Running),
            .. items.Where(c => c.Phase == CampaignPhase.Upcoming).OrderBy(c => c.StartsOn),
            .. items.Where(c => c.Phase == CampaignPhase.Past).OrderByDescending(c => c.EndsOn),
        ];
    }
}

public sealed record CampaignPostItem(string Slug, LangText Title, DateTimeOffset? PublishedAt);

public sealed record CampaignMaker(string Slug, string Name, string RegencyName, string ProvinceName);

public sealed record CampaignView(
    string Slug,
    LangText Name,
    string Hashtag,
    LangText? Tagline,
    string DescriptionHtml,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    CampaignPhase Phase,
    string? BannerPath,
    string? BannerCredit,
    IReadOnlyList<CampaignPostItem> Posts,
    int PostCount,
    IReadOnlyList<ProductCard> FeaturedProducts,
    IReadOnlyList<CampaignMaker> Makers,
    IReadOnlyList<EventListItem> Events,
    bool HasMelokalRounds,
    bool HasImpactPage = false);

public sealed class CampaignDetailQuery(AppDbContext db, TimeProvider clock, MarkdownRenderer markdown)
{
    public const int ProductCount = 8;
    public const int PostCount = 10;

    public async Task<CampaignView?> RunAsync(string slug, bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var now = clock.GetUtcNow();
        var campaign = await db.Campaigns.AsNoTracking()
            .Include(c => c.FeaturedCategories)
            .FirstOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        if (campaign is null)
        {
            return null;
        }
        var published = db.Posts.AsNoTracking().Where(p => p.CampaignId == campaign.Id && p.State == PostState.Published);
        var posts = await published
            .OrderByDescending(p => p.PublishedAt)
            .Take(PostCount)
            .Select(p => new CampaignPostItem(p.Slug, LangText.Of(p.Title, p.EnglishTitle, english), p.PublishedAt))
            .ToListAsync(cancellationToken);
        var postCount = await published.CountAsync(cancellationToken);

        // The products staff chose come first; the campaign's categories fill the rest.
        var chosenIds = await db.Campaigns.Where(c => c.Id == campaign.Id).SelectMany(c => c.FeaturedProducts.Select(p => p.Id)).ToListAsync(cancellationToken);
        var products = await ProductCard.Visible(db.Products.AsNoTracking())
            .Where(p => chosenIds.Contains(p.Id))
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Take(ProductCount)
            .Select(ProductCard.Projection(today, english))
            .ToListAsync(cancellationToken);
        var categoryIds = campaign.FeaturedCategories.Select(c => c.Id).ToList();
        if (products.Count < ProductCount && categoryIds.Count > 0)
        {
            var shown = products.Select(p => p.Id).ToList();
            products.AddRange(await ProductCard.Visible(db.Products.AsNoTracking())
                .Where(p => !shown.Contains(p.Id) && (categoryIds.Contains(p.CategoryId) || categoryIds.Contains(p.Category!.ParentId ?? 0)))
                .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
                .Take(ProductCount - products.Count)
                .Select(ProductCard.Projection(today, english))
                .ToListAsync(cancellationToken));
        }

        var makers = await db.Campaigns.Where(c => c.Id == campaign.Id)
            .SelectMany(c => c.FeaturedIkms)
            .Where(i => i.Verification == VerificationState.Verified)
            .OrderBy(i => i.Name)
            .Select(i => new CampaignMaker(i.Slug, i.Name, i.Regency!.Name, i.Province!.Name))
            .ToListAsync(cancellationToken);
        if (makers.Count == 0 && products.Count > 0)
        {
            // No makers chosen: the makers of the products shown.
            var shownIds = products.Select(p => p.Id).ToList();
            makers = await db.Ikms.AsNoTracking()
                .Where(i => i.Products.Any(p => shownIds.Contains(p.Id)))
                .OrderBy(i => i.Name)
                .Select(i => new CampaignMaker(i.Slug, i.Name, i.Regency!.Name, i.Province!.Name))
                .ToListAsync(cancellationToken);
        }

        var events = await db.Events.AsNoTracking()
            .Where(e => e.CampaignId == campaign.Id && e.State == EventState.Published && e.StartsAt >= now)
            .OrderBy(e => e.StartsAt)
            .Take(5)
            .Select(e => new EventListItem(e.Slug, e.Title, e.StartsAt, e.Place, e.OnlineUrl != null, null, e.State,
                e.Capacity - db.EventRegistrations.Count(r => r.EventId == e.Id && (r.Status == RegistrationStatus.Confirmed || (r.Status == RegistrationStatus.Held && r.HoldExpiresAt > now)))))
            .ToListAsync(cancellationToken);

        var hasRounds = await db.InfluencerRounds.AnyAsync(r => r.CampaignId == campaign.Id && r.State != RoundState.Draft, cancellationToken);
        var hasImpact = await db.CampaignImpactPlans.AnyAsync(p => p.CampaignId == campaign.Id && p.IsPublished, cancellationToken);

        return new CampaignView(campaign.Slug, LangText.Of(campaign.Name, campaign.EnglishName, english), campaign.Hashtag,
            LangText.OfOptional(campaign.Tagline, campaign.EnglishTagline, english), markdown.ToSafeHtml(campaign.Description),
            campaign.StartsOn, campaign.EndsOn, campaign.PhaseOn(today), campaign.BannerPath, campaign.BannerCredit, posts, postCount, products,
            makers, events, hasRounds, hasImpact);
    }
}

/// Where an old campaign address goes now.
public sealed class CampaignSlugRedirectQuery(AppDbContext db)
{
    public Task<string?> RunAsync(string slug, CancellationToken cancellationToken) =>
        db.CampaignSlugRedirects.AsNoTracking()
            .Where(r => r.Slug == slug)
            .Join(db.Campaigns, r => r.CampaignId, c => c.Id, (r, c) => c.Slug)
            .FirstOrDefaultAsync(cancellationToken);
}
