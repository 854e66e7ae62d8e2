using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Products.Report;

/// "Laporkan produk ini": anyone may tell staff a listing is wrong, not genuine or carries a fake
/// or expired certificate. Not output-cached: the form carries a per-reader token.
public sealed class ReportListingModel(
    ReportedProductQuery query, ReportListingCommand report, PostgresRateLimiter limiter, TimeProvider clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public ReportedProduct Product { get; private set; } = null!;

    [BindProperty]
    public ReportListingForm Input { get; set; } = new();

    [TempData]
    public string? Reported { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(slug, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(slug, cancellationToken) is not { } product)
        {
            return NotFound();
        }
        Product = product;
        var decision = await limiter.HitAsync(RateLimitBuckets.ListingReport, RateLimitKeys.ForAddress(HttpContext.Connection.RemoteIpAddress), cancellationToken);
        if (!decision.Allowed)
        {
            return RateLimitResponse.Page(this, decision, text, clock);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await report.RunAsync(product, Input, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        switch (result.Status)
        {
            case CommandStatus.Saved:
                Reported = result.Notice;
                return Redirect($"/produk/{product.Slug}/laporkan");
            case CommandStatus.NotFound:
                return NotFound();
        }
        ModelState.AddResult(result);
        return Page();
    }
}
