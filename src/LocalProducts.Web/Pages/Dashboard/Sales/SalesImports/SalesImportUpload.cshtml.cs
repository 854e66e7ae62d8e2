using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// The owner uploads a CSV of sales; the import's page shows what was read and imported.
public sealed class SalesImportUploadModel(SalesImportListQuery list, StartSalesImportCommand start) : PageModel
{
    public IReadOnlyList<SalesImportListRow> Imports { get; private set; } = [];

    [BindProperty]
    public IFormFile? Berkas { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return NotFound();
        }
        Imports = await list.RunAsync(ownerId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await start.RunAsync(User, Berkas, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                return Redirect($"/dasbor/penjualan/impor/{result.Id}");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.Clear();
        ModelState.AddResult(result);
        return await OnGetAsync(cancellationToken);
    }
}
