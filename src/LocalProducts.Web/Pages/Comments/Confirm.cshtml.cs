using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Comments;

/// The link mailed to a returning commenter. Opening it shows a button, and only the button
/// shows the comment: a mail scanner that fetches every link must not do it for them.
public sealed class ConfirmModel(CommentTargetQuery target, ConfirmCommentCommand confirm) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kode")]
    public string? Code { get; set; }

    public CommentTarget Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await target.RunAsync(slug, cancellationToken) is not { } post)
        {
            return NotFound();
        }
        Post = post;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, int id, CancellationToken cancellationToken)
    {
        if (await target.RunAsync(slug, cancellationToken) is not { } post)
        {
            return NotFound();
        }
        Post = post;
        var result = await confirm.RunAsync(slug, id, Code, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved when result.Notice is null:
                return Redirect($"/berita/{slug}#komentar");
            case CommandStatus.Saved:
                TempData[nameof(WriteModel.Sent)] = result.Notice;
                return Redirect($"/berita/{slug}/komentar");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }
}
