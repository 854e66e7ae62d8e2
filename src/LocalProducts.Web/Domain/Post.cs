namespace LocalProducts.Web.Domain;

public enum PostState
{
    Draft = 1,
    InReview = 2,
    Scheduled = 3,
    Published = 4,
    Archived = 5,
}

/// A news or campaign post written in the newsroom (/redaksi). Only published posts are public.
public sealed class Post
{
    public const int TitleMaxLength = 200;
    public const int LeadMaxLength = 500;
    public const int BodyMaxLength = 100_000;
    /// "Baca juga" links chosen by hand; without them, similar posts are suggested.
    public const int MaxRelated = 3;

    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Lead { get; set; }
    /// Written by staff for English pages; the body stays Indonesian.
    public string? EnglishTitle { get; set; }
    public string? EnglishLead { get; set; }
    /// Markdown, sanitised when rendered.
    public required string Body { get; set; }
    public string? DatelineCity { get; set; }
    public string? HeroImagePath { get; set; }
    public string? HeroCaption { get; set; }
    public string? HeroCredit { get; set; }
    /// The byline as shown; the account behind it when the author is a newsroom user (demo posts
    /// and older ones have a name only). The author's account owns the post while it is a draft.
    public string? Author { get; set; }
    public Guid? AuthorId { get; set; }
    /// Shown as "Red: name".
    public string? Editor { get; set; }
    public Guid? EditorId { get; set; }
    public string[] Tags { get; set; } = [];
    public int? CampaignId { get; set; }
    public Campaign? Campaign { get; private set; }
    /// "Baca juga" posts in the order chosen, at most <see cref="MaxRelated"/>.
    public int[] RelatedPostIds { get; set; } = [];
    public PostState State { get; private set; } = PostState.Draft;
    /// When the post first went public; kept when it is unpublished and published again.
    public DateTimeOffset? PublishedAt { get; private set; }
    /// When a scheduled post goes public (UTC; typed and shown in WIB).
    public DateTimeOffset? ScheduledFor { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; private set; }

    /// Has been public at some time: its address is out there, so its slug is kept stable.
    public bool WasEverPublished => PublishedAt is not null;

    /// Straight to published (demo seeds).
    public void Publish(DateTimeOffset at)
    {
        State = PostState.Published;
        PublishedAt = at;
        ScheduledFor = null;
    }

    /// Makes a workflow move that <see cref="PostWorkflow.Check"/> allowed. Scheduling needs a
    /// time after <paramref name="now"/>.
    public void Move(PostMove move, DateTimeOffset now, DateTimeOffset? publishAt = null)
    {
        var target = PostWorkflow.Target(State, move)
            ?? throw new InvalidOperationException($"A post in state {State} cannot make the move {move}.");
        switch (move)
        {
            case PostMove.Schedule:
                if (publishAt is not { } at || !PostWorkflow.IsValidScheduleTime(at, now))
                {
                    throw new ArgumentOutOfRangeException(nameof(publishAt), "A post is scheduled for a time in the future.");
                }
                ScheduledFor = at.ToUniversalTime();
                break;
            case PostMove.Publish:
                PublishedAt ??= now;
                ScheduledFor = null;
                break;
            case PostMove.Save:
                break;
            default:
                ScheduledFor = null;
                break;
        }
        State = target;
    }

    /// The scheduled publication, made by the background job once its time has come.
    public bool PublishIfDue(DateTimeOffset now)
    {
        if (State != PostState.Scheduled || ScheduledFor is not { } at || at > now)
        {
            return false;
        }
        State = PostState.Published;
        PublishedAt ??= at;
        ScheduledFor = null;
        return true;
    }

    /// Words per minute of an average Indonesian reader, rounded up, at least one minute.
    public static int ReadingMinutes(string markdown)
    {
        var words = markdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return Math.Max(1, (int)Math.Ceiling(words / 200d));
    }
}

/// What someone in the newsroom does to a post. Every move but <see cref="Save"/> changes the
/// state; the edit form saves what was typed together with the move.
public enum PostMove
{
    /// Save the text, state unchanged.
    Save = 1,
    /// Draft → in review ("Ajukan ke redaksi").
    Submit = 2,
    /// In review or scheduled → draft (sent back, or the schedule cancelled).
    ReturnToDraft = 3,
    /// Draft, in review or scheduled → scheduled (or a new time).
    Schedule = 4,
    /// Draft, in review or scheduled → published now.
    Publish = 5,
    /// Published → draft: taken off the site to be reworked.
    Unpublish = 6,
    /// Draft, in review or published → archived: off the site, kept for the record.
    Archive = 7,
    /// Archived → draft.
    Restore = 8,
}

/// Someone working in the newsroom. Editors are ministry staff and admins; writers
/// ("Penulis") draft posts and submit them.
public sealed record NewsroomActor(Guid UserId, bool IsEditor);

public enum MoveCheck
{
    Allowed = 1,
    /// The actor may never make this move on this post (403).
    Forbidden = 2,
    /// The move does not start from the post's state (a message, nothing changes).
    WrongState = 3,
}

/// Who may move a post from which state to which.
public static class PostWorkflow
{
    /// The state a move leads to from a state, or null when the move does not start there.
    public static PostState? Target(PostState from, PostMove move) => (from, move) switch
    {
        (_, PostMove.Save) => from,
        (PostState.Draft, PostMove.Submit) => PostState.InReview,
        (PostState.InReview or PostState.Scheduled, PostMove.ReturnToDraft) => PostState.Draft,
        (PostState.Draft or PostState.InReview or PostState.Scheduled, PostMove.Schedule) => PostState.Scheduled,
        (PostState.Draft or PostState.InReview or PostState.Scheduled, PostMove.Publish) => PostState.Published,
        (PostState.Published, PostMove.Unpublish) => PostState.Draft,
        (PostState.Draft or PostState.InReview or PostState.Published, PostMove.Archive) => PostState.Archived,
        (PostState.Archived, PostMove.Restore) => PostState.Draft,
        _ => null,
    };

    /// Writers save and submit their own drafts, nothing else; editors make every move the state
    /// allows. <paramref name="authorId"/> is the post's author account (the writer themselves
    /// for a post not yet saved).
    public static MoveCheck Check(NewsroomActor actor, Guid? authorId, PostState from, PostMove move)
    {
        if (!actor.IsEditor)
        {
            if (move is not (PostMove.Save or PostMove.Submit) || authorId != actor.UserId)
            {
                return MoveCheck.Forbidden;
            }
            if (from != PostState.Draft)
            {
                return MoveCheck.WrongState;
            }
        }
        return Target(from, move) is null ? MoveCheck.WrongState : MoveCheck.Allowed;
    }

    /// Writers may open their own posts (to read them once submitted); editors open every post.
    public static bool MayOpen(NewsroomActor actor, Guid? authorId) => actor.IsEditor || authorId == actor.UserId;

    /// A post is scheduled for a time still to come.
    public static bool IsValidScheduleTime(DateTimeOffset at, DateTimeOffset now) => at > now;

    /// The slug of a post that has been public is part of links out there: only editors change
    /// it, and only on purpose (the old one keeps redirecting).
    public static bool MayChangeSlug(NewsroomActor actor, bool wasEverPublished) => actor.IsEditor || !wasEverPublished;
}
