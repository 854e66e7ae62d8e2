using System.Text;
using LocalProducts.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.QrCodes.Print;

/// The code of one thing as a picture: gambar.svg or gambar.png. Drawn on request (a few
/// milliseconds, and printed rarely) from the address on Site:PublicUrl; only once the code exists.
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class QrCodeImageModel(QrTargetQuery query, PublicAddress site) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string kind, int id, string format, CancellationToken cancellationToken)
    {
        if (format is not ("svg" or "png") || QrTargets.KindOf(kind) is not { } targetKind
            || await query.RunAsync(targetKind, id, User, cancellationToken) is not { Code: { } code })
        {
            return NotFound();
        }
        var address = site.Absolute(QrTargets.ScanPath(code));
        return format == "svg"
            ? File(Encoding.UTF8.GetBytes(QrCodeImages.Svg(address)), "image/svg+xml")
            : File(QrCodeImages.Png(address), "image/png");
    }
}
