using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class PostWorkflowTests
{
    private static readonly Guid _writerId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid _otherWriterId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly NewsroomActor _writer = new(_writerId, IsEditor: false);
    private static readonly NewsroomActor _editor = new(Guid.Parse("33333333-3333-3333-3333-333333333333"), IsEditor: true);

    /// Every move an editor may make, and where it leads. Anything not listed is refused.
    private static readonly Dictionary<(PostState From, PostMove Move), PostState> _editorMoves = new()
    {
        [(PostState.Draft, PostMove.Save)] = PostState.Draft,
        [(PostState.Draft, PostMove.Submit)] = PostState.InReview,
        [(PostState.Draft, PostMove.Schedule)] = PostState.Scheduled,
        [(PostState.Draft, PostMove.Publish)] = PostState.Published,
        [(PostState.Draft, PostMove.Archive)] = PostState.Archived,
        [(PostState.InReview, PostMove.Save)] = PostState.InReview,
        [(PostState.InReview, PostMove.ReturnToDraft)] = PostState.Draft,
        [(PostState.InReview, PostMove.Schedule)] = PostState.Scheduled,
        [(PostState.InReview, PostMove.Publish)] = PostState.Published,
        [(PostState.InReview, PostMove.Archive)] = PostState.Archived,
        [(PostState.Scheduled, PostMove.Save)] = PostState.Scheduled,
        [(PostState.Scheduled, PostMove.ReturnToDraft)] = PostState.Draft,
        [(PostState.Scheduled, PostMove.Schedule)] = PostState.Scheduled,
        [(PostState.Scheduled, PostMove.Publish)] = PostState.Published,
        [(PostState.Published, PostMove.Save)] = PostState.Published,
        [(PostState.Published, PostMove.Unpublish)] = PostState.Draft,
        [(PostState.Published, PostMove.Archive)] = PostState.Archived,
        [(PostState.Archived, PostMove.Save)] = PostState.Archived,
        [(PostState.Archived, PostMove.Restore)] = PostState.Draft,
    };

    public static TheoryData<PostState, PostMove> EveryStateAndMove()
    {
        var data = new TheoryData<PostState, PostMove>();
        foreach (var state in Enum.GetValues<PostState>())
        {
            foreach (var move in Enum.GetValues<PostMove>())
            {
                data.Add(state, move);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndMove))]
    public void Editor_MakesExactlyTheListedMoves(PostState from, PostMove move)
    {
        var check = PostWorkflow.Check(_editor, _writerId, from, move);

        if (_editorMoves.TryGetValue((from, move), out var to))
        {
            Assert.Equal(MoveCheck.Allowed, check);
            Assert.Equal(to, PostWorkflow.Target(from, move));
        }
        else
        {
            Assert.Equal(MoveCheck.WrongState, check);
            Assert.Null(PostWorkflow.Target(from, move));
        }
    }

    [Theory]
    [MemberData(nameof(EveryStateAndMove))]
    public void Writer_OwnPost_OnlySavesAndSubmitsDrafts(PostState from, PostMove move)
    {
        var check = PostWorkflow.Check(_writer, _writerId, from, move);

        var expected = move is not (PostMove.Save or PostMove.Submit) ? MoveCheck.Forbidden
            : from == PostState.Draft ? MoveCheck.Allowed
            : MoveCheck.WrongState;
        Assert.Equal(expected, check);
    }

    [Theory]
    [MemberData(nameof(EveryStateAndMove))]
    public void Writer_SomeoneElsesPost_IsForbiddenEverything(PostState from, PostMove move)
    {
        Assert.Equal(MoveCheck.Forbidden, PostWorkflow.Check(_writer, _otherWriterId, from, move));
        Assert.Equal(MoveCheck.Forbidden, PostWorkflow.Check(_writer, null, from, move));
    }

    [Fact]
    public void MayOpen_WritersTheirOwn_EditorsAll()
    {
        Assert.True(PostWorkflow.MayOpen(_writer, _writerId));
        Assert.False(PostWorkflow.MayOpen(_writer, _otherWriterId));
        Assert.False(PostWorkflow.MayOpen(_writer, null));
        Assert.True(PostWorkflow.MayOpen(_editor, _otherWriterId));
        Assert.True(PostWorkflow.MayOpen(_editor, null));
    }

    [Fact]
    public void MayChangeSlug_OnceAPostWasPublic_OnlyEditors()
    {
        Assert.True(PostWorkflow.MayChangeSlug(_writer, wasEverPublished: false));
        Assert.False(PostWorkflow.MayChangeSlug(_writer, wasEverPublished: true));
        Assert.True(PostWorkflow.MayChangeSlug(_editor, wasEverPublished: true));
    }

    [Fact]
    public void Move_Schedule_InThePastOrNow_IsRefusedAndNothingChanges()
    {
        var now = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        var post = NewPost();

        Assert.Throws<ArgumentOutOfRangeException>(() => post.Move(PostMove.Schedule, now, now.AddMinutes(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => post.Move(PostMove.Schedule, now, now));
        Assert.Throws<ArgumentOutOfRangeException>(() => post.Move(PostMove.Schedule, now, null));
        Assert.Equal(PostState.Draft, post.State);
        Assert.Null(post.ScheduledFor);
    }

    [Fact]
    public void Move_NotAllowedFromTheState_Throws()
    {
        var post = NewPost();

        Assert.Throws<InvalidOperationException>(() => post.Move(PostMove.Unpublish, DateTimeOffset.UtcNow));
        Assert.Equal(PostState.Draft, post.State);
    }

    [Fact]
    public void PublishIfDue_PublishesAtTheScheduledTime_NotBefore()
    {
        var now = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        var at = new DateTimeOffset(2026, 11, 23, 17, 0, 0, Wib.Offset);
        var post = NewPost();
        post.Move(PostMove.Schedule, now, at);

        Assert.False(post.PublishIfDue(at.AddSeconds(-1)));
        Assert.Equal(PostState.Scheduled, post.State);
        Assert.True(post.PublishIfDue(at.AddSeconds(20)));

        Assert.Equal(PostState.Published, post.State);
        Assert.Equal(at, post.PublishedAt);
        Assert.Null(post.ScheduledFor);
        Assert.Equal(TimeSpan.Zero, post.PublishedAt!.Value.Offset);
    }

    [Fact]
    public void Unpublish_ThenPublishAgain_KeepsTheFirstPublicationDate()
    {
        var first = new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero);
        var post = NewPost();
        post.Move(PostMove.Publish, first);
        post.Move(PostMove.Unpublish, first.AddDays(1));

        post.Move(PostMove.Publish, first.AddDays(2));

        Assert.Equal(first, post.PublishedAt);
        Assert.True(post.WasEverPublished);
    }

    [Fact]
    public void ReturnToDraft_FromScheduled_ClearsTheSchedule()
    {
        var now = DateTimeOffset.UtcNow;
        var post = NewPost();
        post.Move(PostMove.Schedule, now, now.AddHours(2));

        post.Move(PostMove.ReturnToDraft, now);

        Assert.Equal(PostState.Draft, post.State);
        Assert.Null(post.ScheduledFor);
    }

    [Fact]
    public void RestoringARevision_PutsTheTextBack_KeepsSlugAndState()
    {
        var post = NewPost();
        post.Title = "Judul lama";
        post.Body = "Isi lama";
        post.Tags = ["kopi"];
        var old = PostRevision.Of(post, 1, null, null, DateTimeOffset.UtcNow);
        post.Title = "Judul baru";
        post.Body = "Isi baru";
        post.Tags = ["teh"];
        post.Slug = "alamat-baru";
        post.Move(PostMove.Publish, DateTimeOffset.UtcNow);

        old.RestoreOnto(post);

        Assert.Equal("Judul lama", post.Title);
        Assert.Equal("Isi lama", post.Body);
        Assert.Equal(["kopi"], post.Tags);
        Assert.Equal("alamat-baru", post.Slug);
        Assert.Equal(PostState.Published, post.State);
    }

    private static Post NewPost() => new() { Slug = "uji", Title = "Uji", Body = "Isi", CreatedAt = DateTimeOffset.UtcNow };
}
