using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Dashboard;

/// What an owner should do to complete a listing, as a UI text key.
public static class ListingPartText
{
    public static string NextStep(ListingPart part) => part switch
    {
        ListingPart.Photos => "Tambahkan foto produk",
        ListingPart.Description => "Tulis deskripsi minimal 100 karakter: bahan, ukuran, cara pakai",
        ListingPart.MarketplaceLinks => "Tambahkan tautan toko di marketplace",
        ListingPart.Certifications => "Tambahkan sertifikat (halal, PIRT, SNI, BPOM, TKDN)",
        _ => "Isi harga",
    };
}
