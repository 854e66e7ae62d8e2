using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class IndexModel(HomeQuery query) : PageModel
{
    public HomeView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await query.RunAsync(SiteText.IsEnglish, cancellationToken);
}
