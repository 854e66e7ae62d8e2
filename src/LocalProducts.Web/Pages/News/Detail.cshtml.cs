using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.News;

/// A published post. Drafts, scheduled and archived posts answer 404; an address the post had
/// before its slug was changed answers 301 to the current one. Readers are counted by
/// <see cref="PostViewCountingMiddleware"/>, which sees output-cached answers too.
[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CountsPostViews]
public sealed class DetailModel(PostDetailQuery query, PostSlugRedirectQuery redirects) : PageModel
{
    public PostView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, SiteText.IsEnglish, cancellationToken);
        if (view is null)
        {
            return await redirects.RunAsync(slug, cancellationToken) is { } current
                ? RedirectPermanent($"/berita/{current}")
                : NotFound();
        }
        View = view;
        return Page();
    }
}
