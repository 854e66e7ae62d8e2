using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Comments;

/// Writing a comment on a post: its own page, so the post itself stays cacheable.
public sealed class WriteModel(CommentTargetQuery target, PostCommentCommand post, IStringLocalizer<SharedResource> text, ILogger<WriteModel> logger) : PageModel
{
    public CommentTarget Post { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? Sent { get; set; }

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

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        var found = await target.RunAsync(slug, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        Post = found;
        if (!string.IsNullOrEmpty(Input.Website))
        {
            // The honeypot: people never see this field, robots fill it. Answer as if all went well.
            logger.LogInformation("Comment on post {PostId} dropped: honeypot filled", found.Id);
            Sent = PostCommentCommand.AwaitsModeration(text);
            return RedirectToPage(new { slug });
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await post.RunAsync(slug, new NewComment(Input.Name, Input.Email, Input.Text, HttpContext.Connection.RemoteIpAddress), cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved when result.Notice is null:
                return Redirect($"/berita/{slug}#komentar");
            case CommandStatus.Saved:
                Sent = result.Notice;
                return RedirectToPage(new { slug });
            case CommandStatus.NotFound:
                return NotFound();
        }
        // The command refuses a comment only when the address wrote too many lately.
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        ModelState.AddResult(result);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(80, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Nama")]
        public string Name { get; set; } = "";

        [EmailAddress(ErrorMessage = "{0} tidak valid.")]
        [StringLength(256, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "E-mail (boleh dikosongkan, tidak ditampilkan)")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Isi {0}.")]
        [StringLength(Comment.MaxTextLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
        [Display(Name = "Komentar")]
        public string Text { get; set; } = "";

        /// The honeypot, hidden from people by the stylesheet.
        public string? Website { get; set; }
    }
}
