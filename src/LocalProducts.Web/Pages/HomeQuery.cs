using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Images;
using LocalProducts.Web.Pages.Products;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages;

public sealed record HomeCampaign(string Slug, LangText Name, string Hashtag, LangText? Tagline);
public sealed record HomeMaker(string Slug, string Name, string RegencyName, string ProvinceName, int ProductCount, StoredImageView? Logo);
public sealed record HomePost(string Slug, LangText Title, LangText? Lead, DateTimeOffset? PublishedAt);
public sealed record HomeFigures(int Ikms, int Products, int Provinces);

public sealed record HomeView(
    HomeCampaign? RunningCampaign,
    IReadOnlyList<ProductCard> NewProducts,
    IReadOnlyList<ProductCard> PopularProducts,
    IReadOnlyList<HomeMaker> Makers,
    IReadOnlyList<HomePost> LatestPosts,
    HomeFigures Figures);

public sealed class HomeQuery(AppDbContext db, TimeProvider clock)
{
    public async Task<HomeView> RunAsync(bool english, CancellationToken cancellationToken)
    {
        var today = Wib.Today(clock);
        var campaign = await db.Campaigns.AsNoTracking()
            .Where(c => c.StartsOn <= today && (c.EndsOn == null || c.EndsOn >= today))
            .OrderByDescending(c => c.StartsOn)
            .Select(c => new HomeCampaign(c.Slug, LangText.Of(c.Name, c.EnglishName, english), c.Hashtag,
                LangText.OfOptional(c.Tagline, c.EnglishTagline, english)))
            .FirstOrDefaultAsync(cancellationToken);
        var newProducts = await ProductCard.Visible(db.Products.AsNoTracking())
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.Id)
            .Select(ProductCard.Projection(today, english))
            .Take(8)
            .ToListAsync(cancellationToken);
        // Popular: most visits to the makers' shops from Melokal in the last 30 days.
        var since = today.AddDays(-30);
        var popularIds = await db.OutboundClicks.AsNoTracking()
            .Where(c => c.Day >= since)
            .GroupBy(c => c.ProductId)
            .OrderByDescending(g => g.Sum(c => c.Clicks)).ThenBy(g => g.Key)
            .Select(g => g.Key)
            .Take(20)
            .ToListAsync(cancellationToken);
        var popular = (await ProductCard.Visible(db.Products.AsNoTracking())
                .Where(p => popularIds.Contains(p.Id))
                .Select(ProductCard.Projection(today, english))
                .ToListAsync(cancellationToken))
            .OrderBy(c => popularIds.IndexOf(c.Id)).Take(4).ToList();
        var makers = await db.Ikms.AsNoTracking()
            .Where(i => i.Verification == VerificationState.Verified)
            .OrderByDescending(i => i.VerifiedAt).ThenBy(i => i.Id)
            .Select(i => new HomeMaker(i.Slug, i.Name, i.Regency!.Name, i.Province!.Name, i.Products.Count(p => p.State == ProductState.Published),
                i.Logo == null ? null : new StoredImageView(i.Logo.Id, i.Logo.Width, i.Logo.Height, i.Logo.Widths, i.Logo.ShareWidth)))
            .Take(6)
            .ToListAsync(cancellationToken);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.State == PostState.Published)
            .OrderByDescending(p => p.PublishedAt)
            .Take(3)
            .Select(p => new HomePost(p.Slug, LangText.Of(p.Title, p.EnglishTitle, english),
                LangText.OfOptional(p.Lead, p.EnglishLead, english), p.PublishedAt))
            .ToListAsync(cancellationToken);
        var verified = db.Ikms.Where(i => i.Verification == VerificationState.Verified);
        var figures = new HomeFigures(
            await verified.CountAsync(cancellationToken),
            await ProductCard.Visible(db.Products).CountAsync(cancellationToken),
            await verified.Select(i => i.ProvinceCode).Distinct().CountAsync(cancellationToken));
        return new HomeView(campaign, newProducts, popular, makers, posts, figures);
    }
}
