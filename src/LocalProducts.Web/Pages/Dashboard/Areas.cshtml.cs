using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard;

/// The tiny JSON behind wwwroot/js/area-select.js: the regencies of a province
/// (?provinsi=51) or the districts of a regency (?kabupaten=51.06), as [{code, name}].
public sealed class AreasModel(AreaOptionsQuery areas) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? provinsi, string? kabupaten, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(kabupaten) && kabupaten.Length <= 5)
        {
            return new JsonResult(await areas.DistrictsAsync(kabupaten, cancellationToken));
        }
        if (!string.IsNullOrEmpty(provinsi) && provinsi.Length <= 2)
        {
            return new JsonResult(await areas.RegenciesAsync(provinsi, cancellationToken));
        }
        return new JsonResult(Array.Empty<AreaOption>());
    }
}
