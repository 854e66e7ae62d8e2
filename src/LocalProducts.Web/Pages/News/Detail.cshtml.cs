using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.News;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class DetailModel(PostDetailQuery query) : PageModel
{
    public PostView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
