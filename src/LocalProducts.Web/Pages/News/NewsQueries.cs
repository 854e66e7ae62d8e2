using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.News;

public sealed record PostListItem(string Slug, string Title, string? Lead, string? DatelineCity, DateTimeOffset? PublishedAt, string? CampaignHashtag);

public sealed class PostListQuery(AppDbContext db)
{
    public const int PageSize = 20;

    public async Task<IReadOnlyList<PostListItem>> RunAsync(CancellationToken cancellationToken) =>
        await db.Posts.AsNoTracking()
            .Where(p => p.State == PostState.Published)
            .OrderByDescending(p => p.PublishedAt)
            .Take(PageSize)
            .Select(p => new PostListItem(p.Slug, p.Title, p.Lead, p.DatelineCity, p.PublishedAt, p.Campaign == null ? null : p.Campaign.Hashtag))
            .ToListAsync(cancellationToken);
}

public sealed record PostView(
    string Slug,
    string Title,
    string? Lead,
    string BodyHtml,
    string? DatelineCity,
    DateTimeOffset? PublishedAt,
    string? Author,
    string? Editor,
    IReadOnlyList<string> Tags,
    string? CampaignSlug,
    string? CampaignHashtag,
    string? HeroCaption,
    string? HeroCredit,
    int ReadingMinutes,
    IReadOnlyList<PostListItem> Latest);

public sealed class PostDetailQuery(AppDbContext db, MarkdownRenderer markdown)
{
    public async Task<PostView?> RunAsync(string slug, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Slug == slug && p.State == PostState.Published)
            .Select(p => new
            {
                p.Slug,
                p.Title,
                p.Lead,
                p.Body,
                p.DatelineCity,
                p.PublishedAt,
                p.Author,
                p.Editor,
                p.Tags,
                CampaignSlug = p.Campaign == null ? null : p.Campaign.Slug,
                CampaignHashtag = p.Campaign == null ? null : p.Campaign.Hashtag,
                p.HeroCaption,
                p.HeroCredit,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return null;
        }
        var latest = await db.Posts.AsNoTracking()
            .Where(p => p.State == PostState.Published && p.Slug != slug)
            .OrderByDescending(p => p.PublishedAt)
            .Take(5)
            .Select(p => new PostListItem(p.Slug, p.Title, null, null, p.PublishedAt, null))
            .ToListAsync(cancellationToken);
        return new PostView(post.Slug, post.Title, post.Lead, markdown.ToSafeHtml(post.Body), post.DatelineCity, post.PublishedAt,
            post.Author, post.Editor, post.Tags, post.CampaignSlug, post.CampaignHashtag, post.HeroCaption, post.HeroCredit,
            Post.ReadingMinutes(post.Body), latest);
    }
}
