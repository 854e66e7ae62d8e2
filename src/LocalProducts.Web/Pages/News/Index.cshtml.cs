using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.News;

/// `/berita`: the latest posts, paged; `?kampanye=slug` narrows to one campaign's.
[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery("halaman,kampanye")]
public sealed class IndexModel(PostListQuery query) : PageModel
{
    [FromQuery(Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "kampanye")]
    public string? Campaign { get; set; }

    public PostListPage List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await query.RunAsync(PageNumber, Campaign, null, SiteText.IsEnglish, cancellationToken);
        if (list is null)
        {
            return NotFound();
        }
        List = list;
        return Page();
    }
}
