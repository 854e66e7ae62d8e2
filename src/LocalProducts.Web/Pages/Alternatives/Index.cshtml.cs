using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace LocalProducts.Web.Pages.Alternatives;

/// "Cari alternatif lokal": a brand or product word in, the local products that replace it out.
/// Cached like the catalogue, per q and language: a save of a mapping or of the catalogue evicts it.
[OutputCache(PolicyName = SiteSetup.CatalogueCachePolicy)]
[CacheVaryByQuery("q")]
public sealed class IndexModel(LocalAlternativeSearch search) : PageModel
{
    public const int MaxQueryLength = 100;
    private const int ExampleCount = 8;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Q { get; set; }

    /// The words as searched: control characters dropped, trimmed.
    public string Typed { get; private set; } = "";

    public bool TooLong { get; private set; }

    public int MaxLength => MaxQueryLength;

    public LocalAlternativeResult? Result { get; private set; }

    public IReadOnlyList<string> Examples { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Typed = new string((Q ?? "").Where(c => !char.IsControl(c) && c != '\uFFFD').ToArray()).Trim();
        if (Typed.Length > MaxQueryLength)
        {
            TooLong = true;
        }
        else if (Typed.Length > 0)
        {
            Result = await search.FindAsync(Typed, SiteText.IsEnglish, LocalAlternativeSearch.MaxProducts, cancellationToken);
        }
        if (Result is null)
        {
            Examples = (await search.CatalogueAsync(cancellationToken)).Examples(ExampleCount);
        }
    }
}
