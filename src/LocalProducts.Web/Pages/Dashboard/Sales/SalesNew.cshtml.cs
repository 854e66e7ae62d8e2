using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// Report the sales of one product or category through one channel for one day or month.
public sealed class SalesNewModel(SalesFormOptionsQuery options, ReportSalesCommand report) : PageModel
{
    [BindProperty]
    public SalesReportForm Input { get; set; } = new();

    public SalesFormOptions Options { get; private set; } = null!;

    /// The report already stored for the same item, channel and period, to correct instead.
    public long? ExistingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return NotFound();
        }
        Options = await options.RunAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return NotFound();
        }
        Options = await options.RunAsync(ownerId, SiteText.IsEnglish, cancellationToken);
        // The command reads every field itself, with its own messages.
        ModelState.Clear();
        var result = await report.RunAsync(User, Input, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/dasbor/penjualan");
        }
        ModelState.AddResult(result);
        if (result.Current is ExistingSalesReport existing && existing.Id > 0)
        {
            ExistingId = existing.Id;
        }
        return Page();
    }
}
