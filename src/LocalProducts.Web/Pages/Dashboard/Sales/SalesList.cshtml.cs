using LocalProducts.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The owner's sales reports, newest period first, with each one's state and a link to correct it.
public sealed class SalesListModel(SalesReportListQuery query) : PageModel
{
    public SalesReportList View { get; private set; } = null!;

    /// The month filter as typed ("2026-11" or "11/2026"); empty for every month.
    [BindProperty(SupportsGet = true, Name = "bulan")]
    public string? Month { get; set; }

    public bool MonthUnreadable { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "halaman")] int page, CancellationToken cancellationToken)
    {
        if (CurrentUser.IdOf(User) is not { } ownerId)
        {
            return NotFound();
        }
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(Month))
        {
            if (SalesText.TryParseMonth(Month, out var parsed))
            {
                month = parsed;
            }
            else
            {
                MonthUnreadable = true;
            }
        }
        View = await query.RunAsync(ownerId, month, page, SiteText.IsEnglish, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) =>
        $"/dasbor/penjualan?halaman={page}" + (View.Month is { } m ? "&bulan=" + SalesText.PeriodKey(Domain.Impact.SalesPeriodKind.Monthly, m) : "");
}
