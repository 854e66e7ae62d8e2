using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Newsroom;

/// The live preview's endpoint (wwwroot/js/post-preview.js): Markdown in, the same sanitised HTML
/// the post page shows out. A POST with the form's antiforgery token, for newsroom users only
/// (the folder's policy), so it cannot be used from another site.
public sealed class PreviewModel(MarkdownRenderer markdown) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost([FromForm] string? body)
    {
        if (body is { Length: > Domain.Post.BodyMaxLength })
        {
            return BadRequest();
        }
        return Content(markdown.ToSafeHtml(body), "text/html; charset=utf-8");
    }
}
