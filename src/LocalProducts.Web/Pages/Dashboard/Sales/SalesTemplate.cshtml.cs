using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The CSV template: the columns with two example rows (a day of a product, a month of a whole
/// category), ';' between fields and a UTF-8 mark, as Excel in Indonesian opens it.
public sealed class SalesTemplateModel : PageModel
{
    public const string Csv =
        "tanggal;bulan;produk;kategori;kanal;unit;pendapatan\r\n"
        + "2026-11-05;;slug-atau-nama-produk-anda;;Tokopedia;12;Rp 1.250.000\r\n"
        + ";2026-11;;kopi;Luring;40;4.000.000\r\n";

    public IActionResult OnGet() =>
        File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv)).ToArray(), "text/csv; charset=utf-8", "templat-penjualan.csv");
}
