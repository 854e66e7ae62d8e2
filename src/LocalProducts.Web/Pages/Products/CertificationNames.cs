using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Products;

/// The names people know the certificates by; the same in both languages.
public static class CertificationNames
{
    public static string Name(CertificationKind kind) => kind switch
    {
        CertificationKind.Tkdn => "TKDN",
        CertificationKind.Halal => "Halal",
        CertificationKind.Sni => "SNI",
        CertificationKind.Pirt => "PIRT",
        CertificationKind.BpomMd => "BPOM MD",
        CertificationKind.BpomMl => "BPOM ML",
        _ => kind.ToString(),
    };
}
