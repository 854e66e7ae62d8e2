using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Products;

public sealed class IndexModel(ProductSearch search) : PageModel
{
    public ProductSearchResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await search.RunAsync(ProductSearchInput.Parse(Request.Query), SiteText.IsEnglish, cancellationToken);
}
