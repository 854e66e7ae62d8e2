using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Staff upload a CSV of posts and figures for a round; the status page follows its import.
public sealed class UploadModel(MetricImportUploadQuery query, StartMetricImportCommand start) : PageModel
{
    public MetricImportUpload View { get; private set; } = null!;

    [BindProperty]
    public IFormFile? Berkas { get; set; }

    public async Task<IActionResult> OnGetAsync(int roundId, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(roundId, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, CancellationToken cancellationToken)
    {
        var result = await start.RunAsync(User, roundId, Berkas, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                return Redirect($"/admin/melokal/impor/{result.Id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return await OnGetAsync(roundId, cancellationToken);
    }
}
