using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Comments;

public enum ModerationList
{
    Pending,
    Reported,
    Spam,
}

public sealed record QueuedComment(int Id, string PostSlug, string PostTitle, string AuthorName, string? Email, string Html, DateTimeOffset CreatedAt, int Reports);

public sealed record CommentQueueView(ModerationList Queue, int Pending, int Reported, int Spam, IReadOnlyList<QueuedComment> Comments);

public sealed class CommentQueueQuery(AppDbContext db)
{
    public async Task<CommentQueueView> RunAsync(ModerationList queue, CancellationToken cancellationToken)
    {
        var counts = await db.Comments.AsNoTracking()
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Pending = g.Count(c => c.State == CommentState.Pending),
                Reported = g.Count(c => c.State == CommentState.Approved && c.Reports > 0),
                Spam = g.Count(c => c.State == CommentState.Spam),
            })
            .FirstOrDefaultAsync(cancellationToken);
        var comments = db.Comments.AsNoTracking();
        comments = queue switch
        {
            ModerationList.Reported => comments.Where(c => c.State == CommentState.Approved && c.Reports > 0).OrderByDescending(c => c.Reports).ThenBy(c => c.CreatedAt),
            ModerationList.Spam => comments.Where(c => c.State == CommentState.Spam).OrderByDescending(c => c.CreatedAt),
            _ => comments.Where(c => c.State == CommentState.Pending).OrderBy(c => c.CreatedAt),
        };
        var rows = await comments.Take(100)
            .Select(c => new { c.Id, c.Post!.Slug, c.Post.Title, c.AuthorName, c.Email, c.Text, c.CreatedAt, c.Reports })
            .ToListAsync(cancellationToken);
        return new CommentQueueView(queue, counts?.Pending ?? 0, counts?.Reported ?? 0, counts?.Spam ?? 0,
            rows.Select(r => new QueuedComment(r.Id, r.Slug, r.Title, r.AuthorName, r.Email, Comment.ToHtml(r.Text, linksClickable: false), r.CreatedAt, r.Reports)).ToList());
    }
}

public enum ModerationAction
{
    Approve,
    Spam,
    Delete,
}

public sealed class ModerateCommentCommand(AppDbContext db, TimeProvider clock, ILogger<ModerateCommentCommand> logger)
{
    public async Task<bool> RunAsync(int commentId, ModerationAction action, Guid staffId, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return false;
        }
        switch (action)
        {
            case ModerationAction.Approve:
                comment.Moderate(CommentState.Approved, staffId, clock.GetUtcNow());
                break;
            case ModerationAction.Spam:
                comment.Moderate(CommentState.Spam, staffId, clock.GetUtcNow());
                break;
            default:
                db.Comments.Remove(comment);
                break;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Comment {CommentId}: {Action} by {StaffId}", commentId, action, staffId);
        return true;
    }
}
