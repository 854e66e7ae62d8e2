using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LocalProducts.Web.Pages.Newsroom;

/// What the edit form sends: the text, the choices and the move to make with it.
public sealed record PostForm(
    int? Id,
    uint Version,
    PostMove Move,
    string Title,
    string? Lead,
    string Body,
    string? DatelineCity,
    string? HeroImagePath,
    string? HeroCaption,
    string? HeroCredit,
    Guid? AuthorId,
    Guid? EditorId,
    string[] Tags,
    int? CampaignId,
    int[] RelatedPostIds,
    string? Slug,
    DateTimeOffset? PublishAt);

public enum SavePostOutcome
{
    Saved,
    NotFound,
    Forbidden,
    WrongState,
    Conflict,
    SlugInvalid,
    SlugTaken,
    SlugFrozen,
    ScheduleNotInFuture,
}

/// The post as it is saved now, shown to the second of two editors beside what they typed.
public sealed record PostSnapshot(string Title, string? Lead, string Body, PostState State, DateTimeOffset UpdatedAt, uint Version, string? SavedBy);

public sealed record SavePostResult(SavePostOutcome Outcome, int? Id = null, PostSnapshot? Current = null);

/// Saves a post with a workflow move, under the post's row lock: the move is checked against the
/// state as it is in the database (not as the form saw it), a stale form is a conflict, and every
/// save keeps a numbered revision.
public sealed class SavePostCommand(AppDbContext db, TimeProvider clock, ILogger<SavePostCommand> logger)
{
    public async Task<SavePostResult> RunAsync(NewsroomActor actor, PostForm form, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Post post;
        PostRevision? baseline = null;
        var isNew = form.Id is null;
        if (form.Id is { } id)
        {
            var locked = await PostLock.LoadAsync(db, id, cancellationToken);
            if (locked is null)
            {
                return new SavePostResult(SavePostOutcome.NotFound);
            }
            post = locked;
            var check = PostWorkflow.Check(actor, post.AuthorId, post.State, form.Move);
            if (check == MoveCheck.Forbidden || !PostWorkflow.MayOpen(actor, post.AuthorId))
            {
                return new SavePostResult(SavePostOutcome.Forbidden);
            }
            if (post.Version != form.Version)
            {
                return new SavePostResult(SavePostOutcome.Conflict, id, await SnapshotAsync(post, cancellationToken));
            }
            if (check == MoveCheck.WrongState)
            {
                return new SavePostResult(SavePostOutcome.WrongState, id);
            }
            // Posts from before revisions (demo seeds) get their first text kept as revision 1.
            if (!await db.PostRevisions.AnyAsync(r => r.PostId == id, cancellationToken))
            {
                baseline = PostRevision.Of(post, 1, null, null, post.UpdatedAt);
            }
        }
        else
        {
            var check = PostWorkflow.Check(actor, actor.UserId, PostState.Draft, form.Move);
            if (check != MoveCheck.Allowed)
            {
                return new SavePostResult(check == MoveCheck.Forbidden ? SavePostOutcome.Forbidden : SavePostOutcome.WrongState);
            }
            post = new Post { Slug = "", Title = "", Body = "", CreatedAt = now };
        }

        if (form.Move == PostMove.Schedule && !(form.PublishAt is { } at && PostWorkflow.IsValidScheduleTime(at, now)))
        {
            return new SavePostResult(SavePostOutcome.ScheduleNotInFuture, form.Id);
        }

        var slugOutcome = await ApplySlugAsync(actor, post, form, isNew, now, cancellationToken);
        if (slugOutcome is not null)
        {
            return new SavePostResult(slugOutcome.Value, form.Id);
        }

        var before = post.State;
        await ApplyTextAsync(actor, post, form, cancellationToken);
        post.UpdatedAt = now;
        post.Move(form.Move, now, form.PublishAt);
        try
        {
            if (isNew)
            {
                db.Posts.Add(post);
            }
            await db.SaveChangesAsync(cancellationToken);
            var number = 1;
            if (baseline is not null)
            {
                db.PostRevisions.Add(baseline);
                number = 2;
            }
            else if (!isNew)
            {
                number = await db.PostRevisions.Where(r => r.PostId == post.Id).MaxAsync(r => r.Number, cancellationToken) + 1;
            }
            db.PostRevisions.Add(PostRevision.Of(post, number, actor.UserId, await NameOfAsync(actor.UserId, cancellationToken), now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another post took the slug between the check and the save.
            return new SavePostResult(SavePostOutcome.SlugTaken, form.Id);
        }

        logger.LogInformation("Post {PostId} saved by user {UserId} with move {Move}: {From} to {To}", post.Id, actor.UserId, form.Move, before, post.State);
        return new SavePostResult(SavePostOutcome.Saved, post.Id);
    }

    /// Titles never change the slug by themselves: a new post takes its slug from the title when
    /// none is typed; later only a typed change does, and the address of a post that has been
    /// public keeps redirecting.
    private async Task<SavePostOutcome?> ApplySlugAsync(NewsroomActor actor, Post post, PostForm form, bool isNew, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var wanted = !string.IsNullOrWhiteSpace(form.Slug) ? Slug.From(form.Slug)
            : isNew ? Slug.From(form.Title)
            : post.Slug;
        if (wanted.Length == 0)
        {
            return SavePostOutcome.SlugInvalid;
        }
        if (wanted == post.Slug)
        {
            return null;
        }
        if (!isNew && !PostWorkflow.MayChangeSlug(actor, post.WasEverPublished))
        {
            return SavePostOutcome.SlugFrozen;
        }
        var postId = post.Id;
        if (await db.Posts.AnyAsync(p => p.Slug == wanted && p.Id != postId, cancellationToken)
            || await db.PostSlugRedirects.AnyAsync(r => r.Slug == wanted && r.PostId != postId, cancellationToken))
        {
            return SavePostOutcome.SlugTaken;
        }
        if (!isNew && post.WasEverPublished)
        {
            db.PostSlugRedirects.Add(new PostSlugRedirect { Slug = post.Slug, PostId = postId, RetiredAt = now });
        }
        // Back to one of its own old addresses: that one is current again.
        var own = await db.PostSlugRedirects.FirstOrDefaultAsync(r => r.Slug == wanted && r.PostId == postId, cancellationToken);
        if (own is not null)
        {
            db.PostSlugRedirects.Remove(own);
        }
        post.Slug = wanted;
        return null;
    }

    private async Task ApplyTextAsync(NewsroomActor actor, Post post, PostForm form, CancellationToken cancellationToken)
    {
        post.Title = form.Title.Trim();
        post.Lead = Trimmed(form.Lead);
        post.Body = form.Body.Trim();
        post.DatelineCity = Trimmed(form.DatelineCity);
        post.HeroImagePath = IsSitePath(form.HeroImagePath) ? form.HeroImagePath!.Trim() : null;
        post.HeroCaption = Trimmed(form.HeroCaption);
        post.HeroCredit = Trimmed(form.HeroCredit);
        post.Tags = form.Tags;
        post.CampaignId = form.CampaignId;
        post.RelatedPostIds = [.. form.RelatedPostIds.Where(id => id != post.Id).Distinct().Take(Post.MaxRelated)];
        if (actor.IsEditor)
        {
            // No account chosen keeps the name already printed (posts from before accounts).
            if (form.AuthorId is { } authorId && authorId != post.AuthorId)
            {
                post.AuthorId = authorId;
                post.Author = await NameOfAsync(authorId, cancellationToken);
            }
            if (form.EditorId is { } editorId && editorId != post.EditorId)
            {
                post.EditorId = editorId;
                post.Editor = await NameOfAsync(editorId, cancellationToken);
            }
        }
        else if (post.AuthorId != actor.UserId || post.Author is null)
        {
            // A writer's post is theirs: the byline is never someone else's, whatever the form says.
            post.AuthorId = actor.UserId;
            post.Author = await NameOfAsync(actor.UserId, cancellationToken);
        }
    }

    private async Task<PostSnapshot> SnapshotAsync(Post post, CancellationToken cancellationToken)
    {
        var savedBy = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == post.Id)
            .OrderByDescending(r => r.Number).Select(r => r.SavedByName).FirstOrDefaultAsync(cancellationToken);
        return new PostSnapshot(post.Title, post.Lead, post.Body, post.State, post.UpdatedAt, post.Version, savedBy);
    }

    /// The name printed in the byline (at most the column's 100 characters).
    private async Task<string?> NameOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        return name is { Length: > 100 } ? name[..100] : name;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// The hero photo comes from the site's own media store (the upload is wired there), never
    /// from another site.
    private static bool IsSitePath(string? path) =>
        !string.IsNullOrWhiteSpace(path) && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
}

/// Restores an old revision's text onto a post, as a new revision. Allowed to whoever may save
/// the post as it is now.
public sealed class RestorePostRevisionCommand(AppDbContext db, TimeProvider clock, ILogger<RestorePostRevisionCommand> logger)
{
    public async Task<SavePostOutcome> RunAsync(NewsroomActor actor, int postId, int number, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var post = await PostLock.LoadAsync(db, postId, cancellationToken);
        if (post is null)
        {
            return SavePostOutcome.NotFound;
        }
        var check = PostWorkflow.Check(actor, post.AuthorId, post.State, PostMove.Save);
        if (check == MoveCheck.Forbidden || !PostWorkflow.MayOpen(actor, post.AuthorId))
        {
            return SavePostOutcome.Forbidden;
        }
        if (check == MoveCheck.WrongState)
        {
            return SavePostOutcome.WrongState;
        }
        var revision = await db.PostRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.PostId == postId && r.Number == number, cancellationToken);
        if (revision is null)
        {
            return SavePostOutcome.NotFound;
        }
        revision.RestoreOnto(post);
        if (!actor.IsEditor)
        {
            post.AuthorId = actor.UserId;
        }
        post.UpdatedAt = now;
        var next = await db.PostRevisions.Where(r => r.PostId == postId).MaxAsync(r => r.Number, cancellationToken) + 1;
        var name = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.DisplayName ?? u.UserName).FirstOrDefaultAsync(cancellationToken);
        db.PostRevisions.Add(PostRevision.Of(post, next, actor.UserId, name is { Length: > 100 } ? name[..100] : name, now, restoredFrom: number));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Post {PostId}: revision {Number} restored by user {UserId} as revision {Next}", postId, number, actor.UserId, next);
        return SavePostOutcome.Saved;
    }
}

internal static class PostLock
{
    /// The post, locked until the transaction ends: moves, saves and the publishing job take
    /// turns on it.
    public static Task<Post?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        db.Posts.FromSql($"SELECT *, xmin FROM posts WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
}
