using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Ikm;

[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
public sealed class DetailModel(IkmProfileQuery query) : PageModel
{
    public IkmProfileView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(slug, SiteText.IsEnglish, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
