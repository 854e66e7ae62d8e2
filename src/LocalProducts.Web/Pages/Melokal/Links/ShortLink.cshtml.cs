using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.Links;

/// An influencer's short link /m/{code}: counts the click and sends the reader to the product or
/// the maker on this site. Never cached: every follow must reach the counter. An unknown code gets
/// a page of its own with a 404; a product no longer shown goes to its maker, or to a short notice.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ShortLinkModel(FollowInfluencerLinkCommand follow) : PageModel
{
    public LinkTargetKind Kind { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var target = await follow.RunAsync(code, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        Kind = target.Kind;
        if (target.Path is { } path)
        {
            // A path built from a slug on this site: LocalRedirect refuses anything else.
            return LocalRedirect(path);
        }
        if (target.Kind == LinkTargetKind.Unknown)
        {
            // This page explains the 404 itself, in the reader's language.
            if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
