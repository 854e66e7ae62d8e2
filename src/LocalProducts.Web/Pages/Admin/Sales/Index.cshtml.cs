using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Admin.Sales;

/// Staff's queue of sales reports held for review: accept, or reject with a note.
public sealed class IndexModel(HeldSalesQuery query, ReviewSalesReportCommand review) : PageModel
{
    public HeldSalesView View { get; private set; } = null!;

    /// The report whose rejection note was missing, to show the message beside its form.
    public long? FailedReportId { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "halaman")] int page, CancellationToken cancellationToken) =>
        View = await query.RunAsync(page, SiteText.IsEnglish, cancellationToken);

    public Task<IActionResult> OnPostAcceptAsync(long reportId, uint version, CancellationToken cancellationToken) =>
        DecideAsync(reportId, version, true, null, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(long reportId, uint version, string? note, CancellationToken cancellationToken) =>
        DecideAsync(reportId, version, false, note, cancellationToken);

    private async Task<IActionResult> DecideAsync(long reportId, uint version, bool accept, string? note, CancellationToken cancellationToken)
    {
        var result = await review.RunAsync(User, reportId, version, accept, note, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.NotFound:
                return NotFound();
            case CommandStatus.Forbidden:
                return Forbid();
            case CommandStatus.Saved:
                TempData["Notice"] = result.Notice;
                return Redirect("/admin/penjualan");
        }
        ModelState.AddResult(result);
        FailedReportId = reportId;
        View = await query.RunAsync(1, SiteText.IsEnglish, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => $"/admin/penjualan?halaman={page}";
}
