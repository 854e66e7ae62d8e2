using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.Alternatives;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Products;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery(ProductSearchInput.QueryKeys)]
public sealed class IndexModel(ProductSearch search, LocalAlternativeSearch alternatives) : PageModel
{
    /// Products in the box of local alternatives above the results.
    private const int AlternativeBoxProducts = 3;

    public ProductSearchResult Result { get; private set; } = null!;

    /// The local alternatives when the words name a mapped brand or product word (first page only).
    public LocalAlternativeResult? Alternatives { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var input = ProductSearchInput.Parse(Request.Query);
        Result = await search.RunAsync(input, SiteText.IsEnglish, cancellationToken);
        if (Result.Page == 1)
        {
            Alternatives = await alternatives.FindAsync(input.Q, SiteText.IsEnglish, AlternativeBoxProducts, cancellationToken);
        }
    }
}
