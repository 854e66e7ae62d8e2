using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Newsroom;

/// Restores an old revision's text onto a post, as a new revision. Allowed to whoever may save
/// the post as it is now.
public sealed class RestorePostRevisionCommand(
    AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<RestorePostRevisionCommand> logger)
{
    public async Task<CommandResult> RunAsync(NewsroomActor actor, int postId, int number, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var post = await PostLock.LoadAsync(db, postId, cancellationToken);
        if (post is null)
        {
            return CommandResult.NotFound;
        }
        var check = PostWorkflow.Check(actor, post.AuthorId, post.State, PostMove.Save);
        if (check == MoveCheck.Forbidden || !PostWorkflow.MayOpen(actor, post.AuthorId))
        {
            return CommandResult.Forbidden;
        }
        if (check == MoveCheck.WrongState)
        {
            return CommandResult.Invalid("", text["Revisi tidak bisa dipulihkan pada tulisan berstatus ini."]);
        }
        var revision = await db.PostRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.PostId == postId && r.Number == number, cancellationToken);
        if (revision is null)
        {
            return CommandResult.NotFound;
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
        return CommandResult.Saved(id: postId);
    }
}
