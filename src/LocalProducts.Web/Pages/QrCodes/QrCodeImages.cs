using QRCoder;

namespace LocalProducts.Web.Pages.QrCodes;

/// The printed code as pictures, drawn by QRCoder: SVG (scales to any label, for print shops) and
/// PNG (for word processors and chat). Error correction Q (a quarter of the code may be scratched
/// or creased, as on packaging) and the quiet zone around it that scanners need.
public static class QrCodeImages
{
    /// Pixels per module of the PNG: about 600 px for a code of this length, enough for 5 cm at 300 dpi.
    public const int PngModulePixels = 20;

    public static byte[] Png(string address)
    {
        using var data = Encode(address);
        return new PngByteQRCode(data).GetGraphic(PngModulePixels);
    }

    /// An SVG sized by its viewBox, so the label's stylesheet decides how big it prints.
    public static string Svg(string address)
    {
        using var data = Encode(address);
        return new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private static QRCodeData Encode(string address)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.Q);
    }
}
