using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The "Laporkan penjualan" form. Figures and periods are text, read by <see cref="SalesText"/>,
/// so "Rp 1.250.000" and "11/2026" are understood and a typo gets its own message.
public sealed class SalesReportForm
{
    /// "p12" for product 12, "k5" for the whole category 5.
    [Display(Name = "Produk atau kategori")]
    public string? Item { get; set; }

    [Display(Name = "Kanal penjualan")]
    public SalesChannel? Channel { get; set; }

    [Display(Name = "Jenis laporan")]
    public SalesPeriodKind Kind { get; set; } = SalesPeriodKind.Daily;

    [StringLength(20)]
    [Display(Name = "Tanggal")]
    public string? Day { get; set; }

    [StringLength(20)]
    [Display(Name = "Bulan")]
    public string? Month { get; set; }

    [StringLength(30)]
    [Display(Name = "Unit terjual")]
    public string? Units { get; set; }

    [StringLength(40)]
    [Display(Name = "Pendapatan (Rp)")]
    public string? Revenue { get; set; }

    public static string ProductItem(int productId) => "p" + productId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string CategoryItem(int categoryId) => "k" + categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// The product or the category the form names; false when it names neither.
    public bool TryReadItem(out int? productId, out int? categoryId)
    {
        productId = null;
        categoryId = null;
        var item = Item?.Trim() ?? "";
        if (item.Length < 2 || !int.TryParse(item[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        switch (item[0])
        {
            case 'p':
                productId = id;
                return true;
            case 'k':
                categoryId = id;
                return true;
            default:
                return false;
        }
    }
}
