using LocalProducts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// The local alternatives /alternatif-lokal and /produk offer, with a search and a category filter.
public sealed class IndexModel(AlternativeListQuery query, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "kategori")]
    public string? Category { get; set; }

    public IReadOnlyList<(string Slug, string Name)> Categories { get; private set; } = [];

    public AlternativeList List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Search = Search is { Length: > 200 } ? Search[..200] : Search;
        Categories = (await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Slug, c.Name }).ToListAsync(cancellationToken))
            .Select(c => (c.Slug, c.Name)).ToList();
        Category = Categories.Any(c => c.Slug == Category) ? Category : null;
        List = await query.RunAsync(Search, Category, cancellationToken);
    }
}
