using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Comments;

/// The comment queues: first comments waiting for approval, reported ones, spam.
public sealed class IndexModel(CommentQueueQuery query, ModerateCommentCommand moderate) : PageModel
{
    public CommentQueueView View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "antrian")] string? queue, CancellationToken cancellationToken) =>
        View = await query.RunAsync(ParseQueue(queue), cancellationToken);

    public async Task<IActionResult> OnPostAsync(int commentId, ModerationAction action, [FromQuery(Name = "antrian")] string? queue, CancellationToken cancellationToken)
    {
        var staffId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (!Enum.IsDefined(action) || !await moderate.RunAsync(commentId, action, staffId, cancellationToken))
        {
            return NotFound();
        }
        return Redirect($"/admin/komentar?antrian={queue ?? "menunggu"}");
    }

    public static string QueueKey(ModerationList queue) => queue switch
    {
        ModerationList.Reported => "dilaporkan",
        ModerationList.Spam => "spam",
        _ => "menunggu",
    };

    private static ModerationList ParseQueue(string? queue) => queue switch
    {
        "dilaporkan" => ModerationList.Reported,
        "spam" => ModerationList.Spam,
        _ => ModerationList.Pending,
    };
}
