using System.Globalization;
using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Infrastructure.ClientAddresses;
using LocalProducts.Web.Infrastructure.Email;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace LocalProducts.Web.Pages.Comments;

public sealed record CommentTarget(int Id, string Slug, string Title);

public sealed record PublicComment(int Id, string AuthorName, DateTimeOffset CreatedAt, string Html);

public sealed class CommentTargetQuery(AppDbContext db)
{
    /// Only published posts take comments.
    public Task<CommentTarget?> RunAsync(string slug, CancellationToken cancellationToken) =>
        db.Posts.AsNoTracking()
            .Where(p => p.Slug == slug && p.State == PostState.Published)
            .Select(p => new CommentTarget(p.Id, p.Slug, p.Title))
            .FirstOrDefaultAsync(cancellationToken);
}

public sealed class PostCommentsQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<PublicComment>> RunAsync(string slug, CancellationToken cancellationToken)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.Post!.Slug == slug && c.State == CommentState.Approved)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.AuthorName, c.CreatedAt, c.Text })
            .ToListAsync(cancellationToken);
        return comments.Select(c => new PublicComment(c.Id, c.AuthorName, c.CreatedAt, Comment.ToHtml(c.Text, linksClickable: true))).ToList();
    }
}

public sealed record NewComment(string AuthorName, string? Email, string Text, IPAddress? ClientAddress);

/// Takes a reader's comment. Every comment waits: for staff, or, when its e-mail has an approved
/// comment already, for the link mailed to that address (whoever types a known address gets
/// nothing shown). An address that wrote too many lately is refused.
public sealed class PostCommentCommand(
    AppDbContext db, AddressHasher addresses, PostgresRateLimiter limiter, IOptionsMonitor<RateLimitOptions> limits, PublicAddress site, IEmailSender email,
    TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<PostCommentCommand> logger)
{
    /// What a reader whose comment waits for staff is told (also when the honeypot dropped it).
    public static string AwaitsModeration(IStringLocalizer text) => text["Terima kasih! Komentar pertama Anda akan tampil setelah diperiksa staf."];

    public async Task<CommandResult> RunAsync(string slug, NewComment input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var post = await db.Posts.AsNoTracking().Where(p => p.Slug == slug && p.State == PostState.Published).Select(p => new { p.Id }).FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return CommandResult.NotFound;
        }
        var addressHash = await addresses.HashAsync(input.ClientAddress, Wib.Today(clock), cancellationToken);
        // Counted in the table itself, so the limit holds across every instance of the site; off
        // with every other limit (RateLimits:Enabled).
        var since = now - Comment.RateWindow;
        if (limits.CurrentValue.Enabled
            && await db.Comments.CountAsync(c => c.AddressHash == addressHash && c.CreatedAt > since, cancellationToken) >= Comment.RateLimit)
        {
            logger.LogWarning("Comment refused: rate limit reached for one address on post {PostId}", post.Id);
            return CommandResult.Invalid("", text["Terlalu banyak komentar dari alamat Anda dalam beberapa menit terakhir. Coba lagi nanti; tulisan Anda masih ada di bawah."]);
        }
        var comment = new Comment
        {
            PostId = post.Id,
            AuthorName = PersonName.SingleLine(input.AuthorName),
            Email = input.Email,
            Text = input.Text.Trim(),
            AddressHash = addressHash,
            CreatedAt = now,
        };
        comment.NormaliseEmail();
        var known = comment.EmailKey is not null
            && await db.Comments.AnyAsync(c => c.EmailKey == comment.EmailKey && c.State == CommentState.Approved, cancellationToken);
        // A few links an hour per address, whoever asks: nobody floods someone's inbox through it.
        var mayMail = known && (await limiter.HitAsync(RateLimitBuckets.MailToAddress, RateLimitKeys.ForEmail(comment.Email!), cancellationToken)).Allowed;
        var code = mayMail ? comment.AwaitEmailConfirmation() : null;
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Comment {CommentId} on post {PostId}: waits for {Whom}", comment.Id, post.Id, code is null ? "staff" : "its e-mail link");
        if (code is null)
        {
            return CommandResult.Saved(AwaitsModeration(text), comment.Id);
        }
        var link = site.Absolute($"/berita/{slug}/komentar/{comment.Id}/tampilkan?kode={code}");
        await email.SendAsync(new EmailMessage(comment.Email!, text["Tampilkan komentar Anda di Melokal"], string.Join('\n',
            text["Halo {0},", comment.AuthorName],
            "",
            text["ada komentar baru dengan alamat e-mail Anda. Jika itu Anda, buka tautan ini untuk menampilkannya:"],
            link,
            "",
            text["Jika bukan Anda, abaikan e-mail ini: komentar itu tidak tampil tanpa pemeriksaan staf."],
            "",
            "Melokal · Kementerian Perindustrian")), cancellationToken);
        return CommandResult.Saved(text["Terima kasih! Buka tautan yang kami kirim ke e-mail Anda untuk menampilkan komentar ini."], comment.Id);
    }
}

/// A reader flags a comment; it goes back in front of staff (still shown until they decide). An
/// address counts once a day per comment, however often it sends the form.
public sealed class ReportCommentCommand(AppDbContext db, OncePerDay oncePerDay, ILogger<ReportCommentCommand> logger)
{
    public async Task<bool> RunAsync(string slug, int commentId, IPAddress? clientAddress, CancellationToken cancellationToken)
    {
        var shown = db.Comments.Where(c => c.Id == commentId && c.Post!.Slug == slug && c.State == CommentState.Approved);
        if (!await shown.AnyAsync(cancellationToken))
        {
            return false;
        }
        if (await oncePerDay.FirstTodayAsync(OncePerDay.CommentReport, commentId.ToString(CultureInfo.InvariantCulture), clientAddress, cancellationToken)
            && await shown.ExecuteUpdateAsync(s => s.SetProperty(c => c.Reports, c => c.Reports + 1), cancellationToken) > 0)
        {
            logger.LogInformation("Comment {CommentId} reported", commentId);
        }
        return true;
    }
}

/// A returning commenter followed the link mailed to them: the comment is shown if the address
/// still has an approved comment (staff may have marked it spam meanwhile).
public sealed class ConfirmCommentCommand(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<ConfirmCommentCommand> logger)
{
    public async Task<CommandResult> RunAsync(string slug, int commentId, string? code, CancellationToken cancellationToken)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.Post!.Slug == slug && c.Post.State == PostState.Published, cancellationToken);
        if (comment is null)
        {
            return CommandResult.NotFound;
        }
        if (!comment.IsConfirmationCode(code))
        {
            return CommandResult.Invalid("", text["Tautan ini tidak berlaku lagi. Komentar Anda menunggu pemeriksaan staf."]);
        }
        var stillApproved = await db.Comments.AnyAsync(c => c.EmailKey == comment.EmailKey && c.Id != comment.Id && c.State == CommentState.Approved, cancellationToken);
        var shown = comment.ConfirmEmail(clock.GetUtcNow(), stillApproved);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Comment {CommentId}: e-mail confirmed, shown {Shown}", comment.Id, shown);
        return shown
            ? CommandResult.Saved(id: comment.Id)
            : CommandResult.Saved(text["Terima kasih! Komentar pertama Anda akan tampil setelah diperiksa staf."], comment.Id);
    }
}
