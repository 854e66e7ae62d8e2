using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Verification;

public sealed class VerificationModel(VerificationQueueQuery query) : PageModel
{
    public IReadOnlyList<PendingIkmRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await query.ListAsync(cancellationToken);
}
