using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Products;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery(ProductSearchInput.QueryKeys)]
public sealed class IndexModel(ProductSearch search) : PageModel
{
    public ProductSearchResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await search.RunAsync(ProductSearchInput.Parse(Request.Query), SiteText.IsEnglish, cancellationToken);
}
