using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Reports;

/// Shoppers' reports on listings, for staff: the open ones to check and close, and the closed ones.
public sealed class ListingReportsModel(ListingReportQueueQuery query, CloseListingReportCommand close) : PageModel
{
    public const string ClosedList = "ditutup";

    public ListingReportQueueView View { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "daftar")] string? list, CancellationToken cancellationToken) =>
        View = await query.RunAsync(list == ClosedList, cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(
        int reportId, uint version, Domain.ListingReportState? outcome, string? note, CancellationToken cancellationToken)
    {
        var result = await close.RunAsync(User, reportId, version, outcome, note, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/admin/laporan");
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Forbidden:
                return Forbid();
        }
        ModelState.AddResult(result);
        View = await query.RunAsync(closed: false, cancellationToken);
        return Page();
    }
}
