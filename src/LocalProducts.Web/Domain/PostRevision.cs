namespace LocalProducts.Web.Domain;

/// One saved version of a post: every field the newsroom edits, who saved it and when. Numbered
/// from 1 per post; restoring an old version saves a new one.
public sealed class PostRevision
{
    public long Id { get; private set; }
    public int PostId { get; init; }
    public int Number { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string? Lead { get; init; }
    public required string Body { get; init; }
    public string? DatelineCity { get; init; }
    public string? HeroImagePath { get; init; }
    public string? HeroCaption { get; init; }
    public string? HeroCredit { get; init; }
    public string? Author { get; init; }
    public Guid? AuthorId { get; init; }
    public string? Editor { get; init; }
    public Guid? EditorId { get; init; }
    public string[] Tags { get; init; } = [];
    public int? CampaignId { get; init; }
    public int[] RelatedPostIds { get; init; } = [];
    /// The post's state right after this save.
    public PostState State { get; init; }
    public Guid? SavedById { get; init; }
    public string? SavedByName { get; init; }
    public DateTimeOffset SavedAt { get; init; }
    /// Set when this version restored an older one.
    public int? RestoredFrom { get; init; }

    public static PostRevision Of(Post post, int number, Guid? savedById, string? savedByName, DateTimeOffset at, int? restoredFrom = null) => new()
    {
        PostId = post.Id,
        Number = number,
        Slug = post.Slug,
        Title = post.Title,
        Lead = post.Lead,
        Body = post.Body,
        DatelineCity = post.DatelineCity,
        HeroImagePath = post.HeroImagePath,
        HeroCaption = post.HeroCaption,
        HeroCredit = post.HeroCredit,
        Author = post.Author,
        AuthorId = post.AuthorId,
        Editor = post.Editor,
        EditorId = post.EditorId,
        Tags = post.Tags,
        CampaignId = post.CampaignId,
        RelatedPostIds = post.RelatedPostIds,
        State = post.State,
        SavedById = savedById,
        SavedByName = savedByName,
        SavedAt = at,
        RestoredFrom = restoredFrom,
    };

    /// Puts this version's text back on the post. The slug and the state stay as they are now:
    /// a restore never breaks a published address or publishes anything.
    public void RestoreOnto(Post post)
    {
        post.Title = Title;
        post.Lead = Lead;
        post.Body = Body;
        post.DatelineCity = DatelineCity;
        post.HeroImagePath = HeroImagePath;
        post.HeroCaption = HeroCaption;
        post.HeroCredit = HeroCredit;
        post.Author = Author;
        post.AuthorId = AuthorId;
        post.Editor = Editor;
        post.EditorId = EditorId;
        post.Tags = Tags;
        post.CampaignId = CampaignId;
        post.RelatedPostIds = RelatedPostIds;
    }
}

/// An address a post (or campaign) had before staff changed its slug: it keeps answering with a
/// permanent redirect to the current one. A retired slug cannot be given to anything else.
public sealed class PostSlugRedirect
{
    public required string Slug { get; init; }
    public int PostId { get; set; }
    public DateTimeOffset RetiredAt { get; set; }
}

public sealed class CampaignSlugRedirect
{
    public required string Slug { get; init; }
    public int CampaignId { get; set; }
    public DateTimeOffset RetiredAt { get; set; }
}

/// Readers of one post on one WIB day, counted by each instance in memory and added here in
/// batches (Pages/News/PostViewCounter).
public sealed class PostViewDay
{
    public int PostId { get; init; }
    public DateOnly Day { get; init; }
    public long Views { get; set; }
}
