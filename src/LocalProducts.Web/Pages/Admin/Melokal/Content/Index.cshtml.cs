using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Content;

/// The round's posts, per influencer, with their snapshot history and how each is scored now.
public sealed class IndexModel(RoundContentQuery query) : PageModel
{
    public RoundContent View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "halaman")] int? page, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(id, page ?? 1, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
