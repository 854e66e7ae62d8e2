using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Shortlist.Saved;

/// A shopper's saved products, from the address alone (<c>/simpanan?p=a,b</c>): nothing about the
/// list is kept on the server, so the same answer is cached for everyone who opens that address.
[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery(ProductSlugList.QueryKey)]
public sealed class SavedModel(SavedProductsQuery query) : PageModel
{
    public const int MaxProducts = 50;

    public ProductSlugList List { get; private set; } = null!;

    public SavedProducts Products { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        List = ProductSlugList.Parse(Request.Query[ProductSlugList.QueryKey], MaxProducts);
        Products = await query.RunAsync(List.Slugs, SiteText.IsEnglish, cancellationToken);
    }
}
