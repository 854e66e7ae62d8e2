using Microsoft.AspNetCore.Mvc;

namespace LocalProducts.Web.Pages.Comments;

/// The approved comments under a post and the link to write one. The post page is output-cached,
/// so the form (which carries a per-reader antiforgery token) lives on its own page.
public sealed class CommentsViewComponent(PostCommentsQuery query) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string slug) =>
        View(new CommentsView(slug, await query.RunAsync(slug, HttpContext.RequestAborted)));
}

public sealed record CommentsView(string Slug, IReadOnlyList<PublicComment> Comments);
