using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Products;

public sealed class IndexModel(ProductListQuery query) : PageModel
{
    public ProductListView View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery] string? q, [FromQuery] string? kategori, [FromQuery] string? halaman, CancellationToken cancellationToken)
    {
        // A page number that is not a number is read as the first page, not an error.
        var page = int.TryParse(halaman, out var number) ? number : 1;
        View = await query.RunAsync(new ProductListInput(q, kategori, page), SiteText.IsEnglish, cancellationToken);
    }
}
