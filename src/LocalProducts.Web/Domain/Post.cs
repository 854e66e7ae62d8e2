namespace LocalProducts.Web.Domain;

public enum PostState
{
    Draft = 1,
    InReview = 2,
    Scheduled = 3,
    Published = 4,
    Archived = 5,
}

/// A news or campaign post written by ministry staff.
public sealed class Post
{
    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Lead { get; set; }
    /// Markdown, sanitised when rendered.
    public required string Body { get; set; }
    public string? DatelineCity { get; set; }
    public string? HeroImagePath { get; set; }
    public string? HeroCaption { get; set; }
    public string? HeroCredit { get; set; }
    public string? Author { get; set; }
    /// Shown as "Red: name".
    public string? Editor { get; set; }
    public string[] Tags { get; set; } = [];
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; private set; }
    public PostState State { get; private set; } = PostState.Draft;
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    public void Publish(DateTimeOffset at)
    {
        State = PostState.Published;
        PublishedAt = at;
    }

    /// Words per minute of an average Indonesian reader, rounded up, at least one minute.
    public static int ReadingMinutes(string markdown)
    {
        var words = markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return Math.Max(1, (int)Math.Ceiling(words / 200d));
    }
}
