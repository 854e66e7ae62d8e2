using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Errors;

/// The friendly page behind every error status: 404, 403, 500 and the rest.
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true)]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }
    public string? RequestId { get; private set; }

    public void OnGet() => Show(CodeInAddress());

    // Errors re-executed from a POST arrive here as POSTs, with the refused request's form. The
    // code is read from the address, not bound: binding reads that form too, and one the site could
    // not read (a NUL byte in it) left the code at 0, which turned a 400 into a 404.
    public void OnPost() => Show(CodeInAddress());

    private int CodeInAddress() =>
        int.TryParse(Convert.ToString(RouteData.Values["code"], System.Globalization.CultureInfo.InvariantCulture), out var code) ? code : 404;

    public string Heading(IStringLocalizer t) => Code switch
    {
        404 => t["Halaman tidak ditemukan"],
        403 => t["Anda tidak punya akses ke halaman ini"],
        400 => t["Permintaan tidak dapat diproses"],
        429 => t["Terlalu banyak permintaan"],
        _ => t["Maaf, terjadi kesalahan"],
    };

    public string Explanation(IStringLocalizer t) => Code switch
    {
        404 => t["Alamat ini mungkin salah ketik, atau produknya sudah tidak ditampilkan. Coba cari produknya:"],
        403 => t["Masuk dengan akun yang berhak, atau kembali ke beranda."],
        400 => t["Periksa kembali isian atau alamatnya, lalu coba lagi."],
        429 => t["Tunggu sebentar, lalu coba lagi."],
        _ => t["Kami sudah mencatat masalah ini. Coba lagi sebentar lagi, atau cari produk lain:"],
    };

    private void Show(int code)
    {
        // A direct visit to /galat/404 is a real page (200); re-executed errors keep their status.
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = code is >= 400 and <= 599 ? code : 404;
        if (reExecuted)
        {
            Response.StatusCode = Code;
        }
        RequestId = Code >= 500 ? HttpContext.TraceIdentifier : null;
    }
}
