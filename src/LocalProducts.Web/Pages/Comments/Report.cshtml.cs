using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Comments;

/// "Laporkan": the link under a comment leads here; the button confirms (a POST, with antiforgery).
public sealed class ReportModel(CommentTargetQuery target, ReportCommentCommand report) : PageModel
{
    public CommentTarget Post { get; private set; } = null!;

    public bool Reported { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await target.RunAsync(slug, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Post = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        var found = await target.RunAsync(slug, cancellationToken);
        if (found is null || !await report.RunAsync(slug, id, HttpContext.Connection.RemoteIpAddress, cancellationToken))
        {
            return NotFound();
        }
        Post = found;
        Reported = true;
        return Page();
    }
}
