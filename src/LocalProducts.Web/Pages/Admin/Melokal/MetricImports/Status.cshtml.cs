using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// One import: its progress, what was detected, the report, and the decision on a file with bad rows.
public sealed class StatusModel(MetricImportStatusQuery query, DecideMetricImportCommand decide) : PageModel
{
    public MetricImportStatus View { get; private set; } = null!;

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int importId, [FromQuery(Name = "halaman")] int page, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(importId, page, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    /// The figures the progress script polls.
    public async Task<IActionResult> OnGetProgressAsync(int importId, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(importId, 1, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }
        return new JsonResult(new { state = view.State.ToString(), working = view.IsWorking, processed = view.ProcessedRows, total = view.TotalRows, percent = view.PercentDone });
    }

    public Task<IActionResult> OnPostImportAsync(int importId, uint version, CancellationToken cancellationToken) =>
        DecideAsync(importId, decide.ImportGoodRowsAsync(User, importId, version, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int importId, uint version, CancellationToken cancellationToken) =>
        DecideAsync(importId, decide.CancelAsync(User, importId, version, cancellationToken), cancellationToken);

    private async Task<IActionResult> DecideAsync(int importId, Task<CommandResult> decision, CancellationToken cancellationToken)
    {
        var result = await decision;
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Notice = result.Notice;
                return Redirect($"/admin/melokal/impor/{importId}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return await OnGetAsync(importId, 1, cancellationToken);
    }

    public string PageUrl(int page) => $"/admin/melokal/impor/{View.Id}?halaman={page}";
}
