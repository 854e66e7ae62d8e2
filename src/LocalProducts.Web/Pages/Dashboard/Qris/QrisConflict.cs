namespace LocalProducts.Web.Pages.Dashboard.Qris;

/// What the second of two editors of an IKM's QRIS is told: nothing was saved, and how the saved
/// merchant name differs from the typed one.
public static class QrisConflict
{
    public const string Message = "Data usaha Anda baru saja disimpan dari tab atau perangkat lain, jadi QRIS belum disimpan. Periksa QRIS saat ini, lalu pilih gambarnya lagi dan simpan.";

    public static IEnumerable<ConflictRow> Rows(Domain.Ikm saved, string? typedName) =>
        saved.QrisMerchantName == typedName ? [] : [new ConflictRow("Nama merchant", saved.QrisMerchantName, typedName)];
}
