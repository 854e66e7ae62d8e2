using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The words for what is wrong with a report, as message keys (Indonesian; the view or command
/// passes them through the localizer). One list for the form and the CSV import.
public static class SalesMessages
{
    public const string NotYourProduct = "Produk ini bukan milik usaha Anda.";
    public const string Duplicate = "Sudah ada laporan untuk periode ini.";
    public const string UnknownCategory = "Pilih kategori dari daftar.";

    public static string Figures(SalesFigureProblem problem) => problem switch
    {
        SalesFigureProblem.NegativeUnits => "Jumlah unit tidak boleh negatif.",
        SalesFigureProblem.NegativeRevenue => "Pendapatan tidak boleh negatif.",
        SalesFigureProblem.TooManyUnits => "Jumlah unit terlalu besar: paling banyak 10.000.000 unit dalam satu laporan.",
        SalesFigureProblem.RevenueTooLarge => "Pendapatan terlalu besar: paling banyak Rp 50.000.000.000 dalam satu laporan. Periksa apakah ada angka nol berlebih.",
        SalesFigureProblem.UnitsWithoutRevenue => "Ada unit terjual tetapi pendapatannya Rp 0. Isi pendapatannya, atau tulis 0 unit bila tidak ada penjualan.",
        SalesFigureProblem.RevenueWithoutUnits => "Ada pendapatan tetapi 0 unit terjual. Isi jumlah unitnya.",
        _ => "Pendapatan per unit lebih dari Rp 1.000.000.000. Periksa apakah ada angka nol berlebih.",
    };

    /// The field a figure problem is shown beside.
    public static bool IsAboutUnits(SalesFigureProblem problem) =>
        problem is SalesFigureProblem.NegativeUnits or SalesFigureProblem.TooManyUnits or SalesFigureProblem.RevenueWithoutUnits;

    public static string Period(SalesPeriodProblem problem) => problem == SalesPeriodProblem.InTheFuture
        ? "Periode ini belum dimulai: laporkan hanya hari atau bulan yang sudah berjalan (WIB)."
        : "Periode ini terlalu lama: laporan diterima mulai 1 Januari 2015.";

    public static string Clash(SaleClash clash, SaleKey key) => (clash, key.Kind, key.ProductId) switch
    {
        (SaleClash.DailyAndMonthly, SalesPeriodKind.Monthly, _) =>
            "Bulan ini sudah punya laporan harian untuk barang dan kanal yang sama: laporan bulanan akan menghitung penjualannya dua kali. Perbaiki laporan harian itu saja.",
        (SaleClash.DailyAndMonthly, _, _) =>
            "Bulan ini sudah punya laporan bulanan untuk barang dan kanal yang sama: laporan harian akan menghitung penjualannya dua kali. Perbaiki laporan bulanan itu saja.",
        (_, _, null) =>
            "Sudah ada laporan per produk dari kategori ini untuk kanal dan periode yang sama: laporan per kategori akan menghitung penjualannya dua kali.",
        _ =>
            "Sudah ada laporan untuk seluruh kategori produk ini untuk kanal dan periode yang sama: laporan per produk akan menghitung penjualannya dua kali.",
    };
}
