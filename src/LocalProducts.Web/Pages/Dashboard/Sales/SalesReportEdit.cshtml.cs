using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// One of the owner's reports: correct its figures, see its history. Another IKM's report
/// answers 404, as a missing one does.
public sealed class SalesReportEditModel(SalesReportQuery query, CorrectSalesReportCommand correct) : PageModel
{
    [BindProperty]
    public SalesCorrectionForm Input { get; set; } = new();

    public SalesReportDetail Detail { get; private set; } = null!;
    public IReadOnlyList<ConflictRow> Conflict { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var r = Detail.Report;
        Input = new SalesCorrectionForm
        {
            Units = r.Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Revenue = Domain.PriceText.Format(r.RevenueRupiah),
            Version = r.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await correct.RunAsync(User, id, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect($"/dasbor/penjualan/{id}");
        }
        ModelState.AddResult(result);
        if (result.Current is FieldConflict conflict)
        {
            // The page shows the figures saved meanwhile; a second save overwrites on purpose.
            Conflict = conflict.Rows;
            Input.Version = conflict.Version;
            await LoadAsync(id, cancellationToken);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId || await query.RunAsync(ownerId, id, SiteText.IsEnglish, cancellationToken) is not { } detail)
        {
            return false;
        }
        Detail = detail;
        return true;
    }
}
