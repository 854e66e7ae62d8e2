using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Moderation;

/// Staff find any listing, in any state, to hide or show it.
public sealed class ProductLookupModel(StaffProductQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Words { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public ProductState? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "halaman")]
    public int PageNumber { get; set; } = 1;

    public StaffProductPage View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A tampered status is ignored rather than answered with an error.
        ModelState.Clear();
        State = State is { } s && Enum.IsDefined(s) ? s : null;
        View = await query.SearchAsync(Words?.Length > 200 ? Words[..200] : Words, State, PageNumber, cancellationToken);
    }

    public string PageUrl(int page) =>
        $"/admin/produk?q={Uri.EscapeDataString(Words ?? "")}&status={State}&halaman={page}";
}
