using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages;

public sealed class IndexModel(HomeQuery query) : PageModel
{
    public HomeView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        View = await query.RunAsync(SiteText.IsEnglish, cancellationToken);
}
