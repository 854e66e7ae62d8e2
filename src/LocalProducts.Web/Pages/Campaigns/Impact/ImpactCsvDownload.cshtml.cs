using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Campaigns.Impact;

/// One chart's aggregated numbers as CSV; 404 when there are none to give.
public sealed class ImpactCsvDownloadModel(ImpactQuery query, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, string chart, CancellationToken cancellationToken)
    {
        if (!ImpactCharts.Ids.Contains(chart))
        {
            return NotFound();
        }
        var view = await query.RunAsync(slug, await ImpactAccess.IsStaffAsync(authorization, HttpContext), cancellationToken);
        if (view?.Result is null)
        {
            return NotFound();
        }
        ImpactAccess.AllowShortPublicCache(HttpContext, view);
        return File((await ImpactCsv.WriteAsync(view, chart))!, "text/csv; charset=utf-8", ImpactCsv.FileName(view, chart));
    }
}
