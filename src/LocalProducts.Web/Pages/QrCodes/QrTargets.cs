using LocalProducts.Web.Domain.QrCodes;

namespace LocalProducts.Web.Pages.QrCodes;

/// The addresses around a QR code: the word for each kind of thing in /kode-qr/{kind}/{id}, the
/// public page a scan leads to, and the printing pages.
public static class QrTargets
{
    public static QrTargetKind? KindOf(string? word) => word switch
    {
        "produk" => QrTargetKind.Product,
        "ikm" => QrTargetKind.Ikm,
        "acara" => QrTargetKind.Event,
        _ => null,
    };

    public static string WordOf(QrTargetKind kind) => kind switch
    {
        QrTargetKind.Product => "produk",
        QrTargetKind.Ikm => "ikm",
        QrTargetKind.Event => "acara",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// The page a scan leads to: a path on this site built from the thing's slug.
    public static string PublicPath(QrTargetKind kind, string slug) => kind switch
    {
        QrTargetKind.Product => "/produk/" + Uri.EscapeDataString(slug),
        QrTargetKind.Ikm => "/ikm/" + Uri.EscapeDataString(slug),
        QrTargetKind.Event => "/acara/" + Uri.EscapeDataString(slug),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// The "Kode QR" page of a thing, for owners and staff.
    public static string PrintPath(QrTargetKind kind, int id) => $"/kode-qr/{WordOf(kind)}/{id}";

    /// The path a code's scans go to.
    public static string ScanPath(string code) => "/q/" + code;

    /// The address as printed under the code: without "https://", which browsers add themselves.
    public static string Printed(string absoluteAddress)
    {
        var schemeEnd = absoluteAddress.IndexOf("://", StringComparison.Ordinal);
        return schemeEnd < 0 ? absoluteAddress : absoluteAddress[(schemeEnd + 3)..];
    }
}
