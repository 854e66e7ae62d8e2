using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.News;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class IndexModel(PostListQuery query) : PageModel
{
    public IReadOnlyList<PostListItem> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Posts = await query.RunAsync(cancellationToken);
}
