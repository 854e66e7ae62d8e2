using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.News;

/// Title and lead in the reader's language when the newsroom wrote them in English (see <see cref="LangText"/>).
public sealed record PostListItem(string Slug, LangText Title, LangText? Lead, string? DatelineCity, DateTimeOffset? PublishedAt, string? CampaignHashtag, int ReadingMinutes = 0);

/// One page of the public list, optionally of one campaign's posts or one tag's.
public sealed record PostListPage(
    IReadOnlyList<PostListItem> Posts,
    int Total,
    int Page,
    int PageCount,
    string? CampaignSlug,
    string? CampaignHashtag,
    string? Tag,
    IReadOnlyList<PostListItem> Popular);

public sealed class PostListQuery(AppDbContext db, PopularPostsQuery popular)
{
    public const int PageSize = 20;

    public async Task<PostListPage?> RunAsync(int page, string? campaignSlug, string? tag, bool english, CancellationToken cancellationToken)
    {
        var posts = db.Posts.AsNoTracking().Where(p => p.State == PostState.Published);
        string? hashtag = null;
        if (!string.IsNullOrWhiteSpace(campaignSlug))
        {
            var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Slug == campaignSlug)
                .Select(c => new { c.Id, c.Hashtag }).FirstOrDefaultAsync(cancellationToken);
            if (campaign is null)
            {
                return null;
            }
            hashtag = campaign.Hashtag;
            posts = posts.Where(p => p.CampaignId == campaign.Id);
        }
        if (tag is not null)
        {
            posts = posts.Where(p => p.Tags.Contains(tag));
        }
        var total = await posts.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await posts
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new { p.Slug, p.Title, p.Lead, p.EnglishTitle, p.EnglishLead, p.DatelineCity, p.PublishedAt, Hashtag = p.Campaign == null ? null : p.Campaign.Hashtag, p.Body })
            .ToListAsync(cancellationToken);
        var items = rows.Select(p => new PostListItem(p.Slug, LangText.Of(p.Title, p.EnglishTitle, english),
            LangText.OfOptional(p.Lead, p.EnglishLead, english), p.DatelineCity, p.PublishedAt, p.Hashtag, Post.ReadingMinutes(p.Body))).ToList();
        return new PostListPage(items, total, page, pageCount, hashtag is null ? null : campaignSlug, hashtag, tag,
            await popular.RunAsync(english, cancellationToken));
    }
}

/// "Terpopuler": the posts read most over the last seven WIB days (post_views), published ones only.
public sealed class PopularPostsQuery(AppDbContext db, TimeProvider clock)
{
    public const int Days = 7;
    public const int Count = 5;

    public async Task<IReadOnlyList<PostListItem>> RunAsync(bool english, CancellationToken cancellationToken)
    {
        var since = Wib.Today(clock).AddDays(1 - Days);
        return await db.PostViews.AsNoTracking()
            .Where(v => v.Day >= since)
            .GroupBy(v => v.PostId)
            .Select(g => new { PostId = g.Key, Views = g.Sum(v => v.Views) })
            .Join(db.Posts.Where(p => p.State == PostState.Published), v => v.PostId, p => p.Id, (v, p) => new { v.Views, p.Id, p.Slug, p.Title, p.EnglishTitle, p.PublishedAt })
            .OrderByDescending(x => x.Views).ThenByDescending(x => x.PublishedAt).ThenBy(x => x.Id)
            .Take(Count)
            .Select(x => new PostListItem(x.Slug, LangText.Of(x.Title, x.EnglishTitle, english), null, null, x.PublishedAt, null, 0))
            .ToListAsync(cancellationToken);
    }
}

public sealed record PostView(
    int Id,
    string Slug,
    LangText Title,
    LangText? Lead,
    string BodyHtml,
    string? DatelineCity,
    DateTimeOffset? PublishedAt,
    DateTimeOffset UpdatedAt,
    string? Author,
    string? Editor,
    IReadOnlyList<string> Tags,
    string? CampaignSlug,
    string? CampaignHashtag,
    string? HeroImagePath,
    string? HeroCaption,
    string? HeroCredit,
    int ReadingMinutes,
    IReadOnlyList<PostListItem> ReadAlso,
    IReadOnlyList<PostListItem> Latest,
    IReadOnlyList<PostListItem> Popular);

public sealed class PostDetailQuery(AppDbContext db, MarkdownRenderer markdown, PopularPostsQuery popular)
{
    public async Task<PostView?> RunAsync(string slug, bool english, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Slug == slug && p.State == PostState.Published)
            .Select(p => new
            {
                p.Id,
                p.Slug,
                p.Title,
                p.Lead,
                p.EnglishTitle,
                p.EnglishLead,
                p.Body,
                p.DatelineCity,
                p.PublishedAt,
                p.UpdatedAt,
                p.Author,
                p.Editor,
                p.Tags,
                p.CampaignId,
                p.RelatedPostIds,
                CampaignSlug = p.Campaign == null ? null : p.Campaign.Slug,
                CampaignHashtag = p.Campaign == null ? null : p.Campaign.Hashtag,
                p.HeroImagePath,
                p.HeroCaption,
                p.HeroCredit,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return null;
        }
        var latest = await db.Posts.AsNoTracking()
            .Where(p => p.State == PostState.Published && p.Id != post.Id)
            .OrderByDescending(p => p.PublishedAt)
            .Take(5)
            .Select(p => new PostListItem(p.Slug, LangText.Of(p.Title, p.EnglishTitle, english), null, null, p.PublishedAt, null, 0))
            .ToListAsync(cancellationToken);
        var readAlso = post.RelatedPostIds.Length > 0
            ? await ChosenAsync(post.RelatedPostIds, english, cancellationToken)
            : await SuggestedAsync(post.Id, post.Tags, post.CampaignId, english, cancellationToken);
        return new PostView(post.Id, post.Slug, LangText.Of(post.Title, post.EnglishTitle, english),
            LangText.OfOptional(post.Lead, post.EnglishLead, english), markdown.ToSafeHtml(post.Body), post.DatelineCity, post.PublishedAt,
            post.UpdatedAt, post.Author, post.Editor, post.Tags, post.CampaignSlug, post.CampaignHashtag, post.HeroImagePath, post.HeroCaption,
            post.HeroCredit, Post.ReadingMinutes(post.Body), readAlso, latest, await popular.RunAsync(english, cancellationToken));
    }

    /// The posts the newsroom chose, in its order, as long as they are still published.
    private async Task<IReadOnlyList<PostListItem>> ChosenAsync(int[] ids, bool english, CancellationToken cancellationToken)
    {
        var posts = await db.Posts.AsNoTracking()
            .Where(p => ids.Contains(p.Id) && p.State == PostState.Published)
            .Select(p => new { p.Id, Item = new PostListItem(p.Slug, LangText.Of(p.Title, p.EnglishTitle, english), null, null, p.PublishedAt, null, 0) })
            .ToListAsync(cancellationToken);
        return posts.OrderBy(p => Array.IndexOf(ids, p.Id)).Select(p => p.Item).ToList();
    }

    /// Nothing chosen: the published posts sharing most tags (the same campaign counts as one
    /// more), newest first among equals.
    private async Task<IReadOnlyList<PostListItem>> SuggestedAsync(int id, string[] tags, int? campaignId, bool english, CancellationToken cancellationToken)
    {
        if (tags.Length == 0 && campaignId is null)
        {
            return [];
        }
        var candidates = await db.Posts.AsNoTracking()
            .Where(p => p.State == PostState.Published && p.Id != id
                && (p.Tags.Any(t => tags.Contains(t)) || (campaignId != null && p.CampaignId == campaignId)))
            .OrderByDescending(p => p.PublishedAt)
            .Take(50)
            .Select(p => new { p.Slug, p.Title, p.EnglishTitle, p.PublishedAt, p.Tags, p.CampaignId })
            .ToListAsync(cancellationToken);
        return candidates
            .Select(p => new { Post = p, Shared = p.Tags.Count(tags.Contains) + (campaignId is not null && p.CampaignId == campaignId ? 1 : 0) })
            .OrderByDescending(p => p.Shared).ThenByDescending(p => p.Post.PublishedAt)
            .Take(Post.MaxRelated)
            .Select(p => new PostListItem(p.Post.Slug, LangText.Of(p.Post.Title, p.Post.EnglishTitle, english), null, null, p.Post.PublishedAt, null, 0))
            .ToList();
    }
}

/// Where an old post address goes now: the current slug of the published post that had it.
public sealed class PostSlugRedirectQuery(AppDbContext db)
{
    public Task<string?> RunAsync(string slug, CancellationToken cancellationToken) =>
        db.PostSlugRedirects.AsNoTracking()
            .Where(r => r.Slug == slug)
            .Join(db.Posts.Where(p => p.State == PostState.Published), r => r.PostId, p => p.Id, (r, p) => p.Slug)
            .FirstOrDefaultAsync(cancellationToken);
}
