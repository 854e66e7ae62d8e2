using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Shortlist.Compare;

/// Up to four products side by side (<c>/bandingkan?p=a,b,c,d</c>), from the address alone.
[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery(ProductSlugList.QueryKey)]
public sealed class CompareModel(ProductComparisonQuery query) : PageModel
{
    public const int MaxProducts = 4;

    public ProductSlugList List { get; private set; } = null!;

    public ProductComparison Comparison { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = ProductSlugList.Parse(Request.Query[ProductSlugList.QueryKey], MaxProducts);
        Comparison = await query.RunAsync(List.Slugs, cancellationToken);
    }
}
