using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// What an import read and did, every bad row with its line and column, and for a file with bad
/// rows the owner's choice: import the good rows only, or cancel.
public sealed class SalesImportResultModel(SalesImportStatusQuery query, DecideSalesImportCommand decide) : PageModel
{
    public SalesImportStatus View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId || await query.RunAsync(ownerId, id, cancellationToken) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostImportAsync(int id, uint version, CancellationToken cancellationToken) =>
        DecideAsync(id, version, true, cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(int id, uint version, CancellationToken cancellationToken) =>
        DecideAsync(id, version, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, uint version, bool importGoodRows, CancellationToken cancellationToken)
    {
        var result = await decide.RunAsync(User, id, importGoodRows, version, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/dasbor/penjualan/impor/{id}");
        }
        ModelState.AddResult(result);
        return await OnGetAsync(id, cancellationToken);
    }
}
