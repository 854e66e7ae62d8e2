using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Products;

/// The public registries where anyone can check a certificate number. Only their search pages:
/// neither registry documents a link to one number, so the page shows the number to paste there.
public static class CertificateRegistries
{
    /// BPJPH (Badan Penyelenggara Jaminan Produk Halal): the public search of halal certificates.
    public const string HalalSearchUrl = "https://bpjph.halal.go.id/search/sertifikat";

    /// BPOM's "Cek Produk BPOM": registered food, drugs and cosmetics, by MD or ML number.
    public const string BpomSearchUrl = "https://cekbpom.pom.go.id/";

    /// The registry's search page and its short name, or null when the kind has no public look-up.
    public static (string Url, string Registry)? LookUp(CertificationKind kind) => kind switch
    {
        CertificationKind.Halal => (HalalSearchUrl, "BPJPH"),
        CertificationKind.BpomMd or CertificationKind.BpomMl => (BpomSearchUrl, "BPOM"),
        _ => null,
    };
}
