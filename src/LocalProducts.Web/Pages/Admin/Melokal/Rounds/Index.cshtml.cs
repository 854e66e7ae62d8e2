using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

public sealed class IndexModel(RoundListQuery query) : PageModel
{
    public IReadOnlyList<RoundListRow> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rounds = await query.RunAsync(cancellationToken);
}
