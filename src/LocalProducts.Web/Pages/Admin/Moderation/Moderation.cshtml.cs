using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Moderation;

public sealed class ModerationModel(ModerationQueueQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public StaffProductPage View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await query.RunAsync(PageNumber, cancellationToken);

    public string PageUrl(int page) => $"/admin/moderasi?halaman={page}";
}
