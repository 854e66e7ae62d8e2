using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.News;

/// `/berita/topik/{tag}`: the published posts with one tag. The tag is matched as tags are saved
/// (lower case, no #); the canonical link names the normalised form.
[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery("halaman")]
public sealed class TopicModel(PostListQuery query) : PageModel
{
    [FromQuery(Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public PostListPage List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string tag, CancellationToken cancellationToken)
    {
        var normalised = PostTags.Normalise(tag).FirstOrDefault();
        if (normalised is null)
        {
            return NotFound();
        }
        List = (await query.RunAsync(PageNumber, null, normalised, SiteText.IsEnglish, cancellationToken))!;
        return List.Total == 0 ? NotFound() : Page();
    }
}
