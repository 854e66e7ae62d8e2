using LocalProducts.Web.Domain;
using Microsoft.Extensions.Localization;

namespace LocalProducts.Web.Pages.Products.Report;

/// The reasons as the report form and the staff queue name them, in the reader's language.
public static class ListingReportReasons
{
    public static IReadOnlyList<ListingReportReason> All { get; } = Enum.GetValues<ListingReportReason>();

    public static string Label(ListingReportReason reason, IStringLocalizer text) => reason switch
    {
        ListingReportReason.WrongInformation => text["Informasinya salah (harga, deskripsi, pembuat atau daerah)"],
        ListingReportReason.NotGenuine => text["Bukan buatan IKM ini atau bukan produk lokal"],
        ListingReportReason.FakeCertificate => text["Nomor sertifikat palsu atau bukan milik produk ini"],
        ListingReportReason.ExpiredCertificate => text["Sertifikat sudah kedaluwarsa"],
        _ => text["Lainnya (tautan mati, produk tidak dijual lagi, dan lain-lain)"],
    };
}
