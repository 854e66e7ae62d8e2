using LocalProducts.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Pages.Bench;

/// Baseline for benchmarks, shaped like TechEmpower's Fortunes: a dozen rows from one small table,
/// rendered with Razor in the site's layout. Exists only in the Benchmark environment.
public sealed class FortunesModel(AppDbContext db, IHostEnvironment environment) : PageModel
{
    public IReadOnlyList<(string Code, string Name)> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsEnvironment(BenchEndpoints.Environment))
        {
            return NotFound();
        }
        Rows = (await db.Provinces.AsNoTracking().OrderBy(p => p.Name).Take(12).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Code, p.Name)).ToList();
        return Page();
    }
}
