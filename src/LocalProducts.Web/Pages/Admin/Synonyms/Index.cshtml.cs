using LocalProducts.Web.Domain.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// The synonym pairs search applies, grouped by kind, with a search over both sides.
public sealed class IndexModel(SynonymListQuery query) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "jenis")]
    public string? KindCode { get; set; }

    public SynonymKind? Kind { get; private set; }

    public SynonymList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Search = Search is { Length: > 200 } ? Search[..200] : Search;
        Kind = SynonymText.FromCode(KindCode);
        List = await query.RunAsync(Search, Kind, cancellationToken);
    }
}
