using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Ikm;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery(IkmDirectoryInput.QueryKeys)]
public sealed class IndexModel(IkmDirectoryQuery query) : PageModel
{
    public IkmDirectoryView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await query.RunAsync(IkmDirectoryInput.Parse(Request.Query), SiteText.IsEnglish, cancellationToken);
}
