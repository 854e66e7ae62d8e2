using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Newsroom;

public sealed record NewsroomFilter(PostState? State, int? CampaignId, string? Q, int Page);

public sealed record NewsroomRow(
    int Id, string Slug, string Title, PostState State, string? Author, string? CampaignHashtag,
    DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, DateTimeOffset? ScheduledFor);

public sealed record NewsroomChoice(int Id, string Name);

public sealed record NewsroomList(
    IReadOnlyList<NewsroomRow> Rows,
    IReadOnlyDictionary<PostState, int> Counts,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<NewsroomChoice> Campaigns);

/// The newsroom's desk: posts by state with counts, newest activity first. Writers see their own
/// posts only.
public sealed class NewsroomListQuery(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<NewsroomList> RunAsync(NewsroomActor actor, NewsroomFilter filter, CancellationToken cancellationToken)
    {
        var posts = db.Posts.AsNoTracking();
        if (!actor.IsEditor)
        {
            posts = posts.Where(p => p.AuthorId == actor.UserId);
        }
        if (filter.CampaignId is { } campaignId)
        {
            posts = posts.Where(p => p.CampaignId == campaignId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            posts = posts.Where(p => EF.Functions.ILike(p.Title, pattern) || EF.Functions.ILike(p.Slug, pattern));
        }
        var counts = await posts.GroupBy(p => p.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (filter.State is { } state)
        {
            posts = posts.Where(p => p.State == state);
        }
        var total = filter.State is { } chosen ? counts.Where(c => c.Key == chosen).Sum(c => c.Count) : counts.Sum(c => c.Count);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await posts
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(p => new NewsroomRow(p.Id, p.Slug, p.Title, p.State, p.Author, p.Campaign == null ? null : p.Campaign.Hashtag,
                p.UpdatedAt, p.PublishedAt, p.ScheduledFor))
            .ToListAsync(cancellationToken);
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn)
            .Select(c => new NewsroomChoice(c.Id, c.Hashtag)).ToListAsync(cancellationToken);
        return new NewsroomList(rows, counts.ToDictionary(c => c.Key, c => c.Count), total, page, pageCount, campaigns);
    }
}

/// A post as the edit form shows it, with what the form needs to know about its state.
public sealed record PostEditorView(
    int Id,
    uint Version,
    string Slug,
    string Title,
    string? Lead,
    string? EnglishTitle,
    string? EnglishLead,
    string Body,
    string? DatelineCity,
    string? HeroImagePath,
    string? HeroCaption,
    string? HeroCredit,
    string? Author,
    Guid? AuthorId,
    string? Editor,
    Guid? EditorId,
    string[] Tags,
    int? CampaignId,
    int[] RelatedPostIds,
    PostState State,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ScheduledFor,
    DateTimeOffset UpdatedAt,
    int Revisions)
{
    public bool WasEverPublished => PublishedAt is not null;
}

/// The lists the edit form chooses from.
public sealed record PostEditorChoices(
    IReadOnlyList<NewsroomPerson> People,
    IReadOnlyList<NewsroomChoice> Campaigns,
    IReadOnlyList<NewsroomChoice> Posts);

public sealed class PostEditorQuery(AppDbContext db, NewsroomPeopleQuery people)
{
    /// Posts offered for "Baca juga": the latest published ones, and any already chosen.
    public const int RelatedChoices = 300;

    public Task<PostEditorView?> RunAsync(int id, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PostEditorView(p.Id, p.Version, p.Slug, p.Title, p.Lead, p.EnglishTitle, p.EnglishLead, p.Body, p.DatelineCity, p.HeroImagePath, p.HeroCaption,
                p.HeroCredit, p.Author, p.AuthorId, p.Editor, p.EditorId, p.Tags, p.CampaignId, p.RelatedPostIds, p.State, p.PublishedAt,
                p.ScheduledFor, p.UpdatedAt, db.PostRevisions.Count(r => r.PostId == p.Id)))
            .FirstOrDefaultAsync(cancellationToken);

    /// The same lists for showing the form and for checking what it sent. A chosen post is
    /// offered only when the actor may see it: a writer chose another writer's draft by its id and
    /// then read its title and address here.
    public async Task<PostEditorChoices> ChoicesAsync(NewsroomActor actor, int? postId, IReadOnlyCollection<int> chosen, CancellationToken cancellationToken)
    {
        var campaigns = await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn)
            .Select(c => new NewsroomChoice(c.Id, c.Hashtag + " · " + c.Name)).ToListAsync(cancellationToken);
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Id != postId && (p.State == PostState.Published || chosen.Contains(p.Id)))
            .Where(p => actor.IsEditor || p.State == PostState.Published || p.AuthorId == actor.UserId)
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(RelatedChoices + chosen.Count)
            .Select(p => new NewsroomChoice(p.Id, p.Title + " (" + p.Slug + ")"))
            .ToListAsync(cancellationToken);
        return new PostEditorChoices(await people.RunAsync(cancellationToken), campaigns, posts);
    }
}

public sealed record RevisionRow(int Number, DateTimeOffset SavedAt, string? SavedBy, PostState State, int? RestoredFrom, string Title);

public sealed record RevisionComparison(int From, int To, IReadOnlyList<DiffLine> Title, IReadOnlyList<DiffLine> Lead, IReadOnlyList<DiffLine> Body);

public sealed record PostRevisionsView(int PostId, string Title, PostState State, Guid? AuthorId, IReadOnlyList<RevisionRow> Revisions, RevisionComparison? Comparison);

/// A post's versions, newest first, and the line comparison of two of them.
public sealed class PostRevisionsQuery(AppDbContext db)
{
    public async Task<PostRevisionsView?> RunAsync(int postId, int? from, int? to, CancellationToken cancellationToken)
    {
        var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
            .Select(p => new { p.Id, p.Title, p.State, p.AuthorId })
            .FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return null;
        }
        var revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == postId)
            .OrderByDescending(r => r.Number)
            .Select(r => new RevisionRow(r.Number, r.SavedAt, r.SavedByName, r.State, r.RestoredFrom, r.Title))
            .ToListAsync(cancellationToken);
        RevisionComparison? comparison = null;
        if (from is { } a && to is { } b && a != b)
        {
            var pair = await db.PostRevisions.AsNoTracking()
                .Where(r => r.PostId == postId && (r.Number == a || r.Number == b))
                .Select(r => new { r.Number, r.Title, r.Lead, r.Body })
                .ToListAsync(cancellationToken);
            var older = pair.FirstOrDefault(r => r.Number == Math.Min(a, b));
            var newer = pair.FirstOrDefault(r => r.Number == Math.Max(a, b));
            if (older is not null && newer is not null)
            {
                comparison = new RevisionComparison(older.Number, newer.Number, LineDiff.Compare(older.Title, newer.Title),
                    LineDiff.Compare(older.Lead, newer.Lead), LineDiff.Compare(older.Body, newer.Body));
            }
        }
        return new PostRevisionsView(post.Id, post.Title, post.State, post.AuthorId, revisions, comparison);
    }
}
