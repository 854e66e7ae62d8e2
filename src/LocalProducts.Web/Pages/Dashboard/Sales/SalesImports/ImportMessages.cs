namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// The sales import's message keys (Indonesian; {0} is the value). Stored with the import and
/// passed through the localizer when shown, so the owner reads them in their language.
public static class ImportMessages
{
    public const string EmptyFile = "Berkas kosong: tidak ada baris data di bawah judul kolom.";
    public const string UnreadableEncoding = "Berkas tidak bisa dibaca sebagai teks CSV (terbaca: {0}). Di Excel pilih Simpan sebagai → CSV UTF-8 atau CSV, lalu unggah lagi.";
    public const string MissingColumns = "Kolom wajib tidak ada: {0}. Unduh templat untuk melihat judul kolom yang dipakai.";
    public const string UnknownColumns = "Kolom tidak dikenal: {0}. Hapus kolom itu atau ganti judulnya; unduh templat untuk melihat judul kolom yang dipakai.";
    public const string WrongFieldCount = "Jumlah isian di baris ini ({0}) tidak sama dengan jumlah judul kolom.";
    public const string DayOrMonth = "Isi salah satu: tanggal (laporan harian) atau bulan (laporan bulanan).";
    public const string DayAndMonth = "Tanggal dan bulan keduanya terisi: isi salah satu saja.";
    public const string NotADay = "Bukan tanggal yang dikenali: {0}. Tulis 2026-11-05 atau 05/11/2026 (hari dulu).";
    public const string NotAMonth = "Bukan bulan yang dikenali: {0}. Tulis 2026-11 atau 11/2026.";
    public const string ProductOrCategory = "Isi salah satu: produk atau kategori.";
    public const string ProductAndCategory = "Produk dan kategori keduanya terisi: isi salah satu saja.";
    public const string UnknownProduct = "Produk ini tidak ada di usaha Anda: {0}. Tulis slug atau nama persis produk Anda.";
    public const string AmbiguousProduct = "Ada lebih dari satu produk Anda bernama {0}: tulis slug-nya.";
    public const string UnknownCategory = "Kategori tidak dikenal: {0}. Tulis slug atau nama kategori seperti di katalog.";
    public const string UnknownChannel = "Kanal tidak dikenal: {0}. Pakai Tokopedia, Shopee, Bukalapak, Blibli, Lazada, TikTok Shop, WhatsApp, Luring, Situs sendiri atau Lainnya.";
    public const string MissingValue = "Kolom ini kosong.";
    public const string NotUnits = "Jumlah unit bukan angka bulat: {0}.";
    public const string NotRupiah = "Pendapatan bukan angka rupiah tanpa desimal: {0}.";
    public const string RepeatedRow = "Baris ini mengulang baris {0}: barang, kanal dan periode yang sama.";
}
