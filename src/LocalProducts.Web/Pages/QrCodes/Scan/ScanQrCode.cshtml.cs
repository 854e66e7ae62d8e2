using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.QrCodes.Scan;

/// A printed QR code's address /q/{code}: counts the scan and sends the phone to the product,
/// maker or event page (302). Never cached, here or on the way: every scan must reach the counter.
/// An unknown code gets a page of its own with a 404.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ScanQrCodeModel(CountQrScanCommand scan) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await scan.RunAsync(code, cancellationToken) is { } path)
        {
            // A path built from a slug on this site: LocalRedirect refuses anything else.
            return LocalRedirect(path);
        }
        // This page explains the 404 itself, in the reader's language.
        if (HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
