using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Ikm;

public sealed class IndexModel(IkmDirectoryQuery query) : PageModel
{
    public IReadOnlyList<ProvinceGroup> Provinces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Provinces = await query.RunAsync(cancellationToken);
}
