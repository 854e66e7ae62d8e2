using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Melokal.Programme;

/// The Melokal influencer programme: what it is, how to join, this year's rounds and the totals.
public sealed class ProgrammeModel(ProgrammeQuery query) : PageModel
{
    public ProgrammeView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        View = await query.RunAsync(cancellationToken);
        MelokalCaching.AllowShortPublicCache(HttpContext);
        return Page();
    }
}
