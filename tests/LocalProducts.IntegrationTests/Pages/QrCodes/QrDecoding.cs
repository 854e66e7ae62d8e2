using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace LocalProducts.IntegrationTests.Pages.QrCodes;

/// Reads QR codes back as a phone would, with ZXing: a PNG through its pixels, an SVG by drawing
/// its rectangles into a bitmap first.
internal static class QrDecoding
{
    public static string? DecodePng(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("Not a picture SkiaSharp can read.");
        var luminance = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                // Transparent counts as the white paper under it.
                var alpha = c.Alpha / 255.0;
                var gray = (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
                luminance[(y * bitmap.Width) + x] = (byte)Math.Round((gray * alpha) + (255 * (1 - alpha)));
            }
        }
        return Decode(new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8));
    }

    /// Draws every rect of the SVG (in document order, so later ones paint over earlier ones) at
    /// <paramref name="pixelsPerUnit"/> pixels per SVG unit, then decodes the drawing.
    public static string? DecodeSvg(string svg, double pixelsPerUnit = 1)
    {
        var root = XDocument.Parse(svg).Root ?? throw new InvalidOperationException("Empty SVG.");
        var (width, height) = SizeOf(root);
        var w = (int)Math.Ceiling(width * pixelsPerUnit);
        var h = (int)Math.Ceiling(height * pixelsPerUnit);
        var pixels = Enumerable.Repeat((byte)255, w * h).ToArray();
        var rects = root.Descendants().Where(e => e.Name.LocalName == "rect").ToList();
        if (rects.Count == 0)
        {
            throw new InvalidOperationException("The SVG has no rect elements to draw: " + svg[..Math.Min(300, svg.Length)]);
        }
        foreach (var rect in rects)
        {
            var shade = Shade(rect.Attribute("fill")?.Value ?? "#000000");
            int Px(string name) => (int)Math.Round(Number(rect.Attribute(name)?.Value ?? "0") * pixelsPerUnit);
            var (x0, y0) = (Px("x"), Px("y"));
            var (x1, y1) = (Math.Min(w, x0 + Px("width")), Math.Min(h, y0 + Px("height")));
            for (var y = Math.Max(0, y0); y < y1; y++)
            {
                for (var x = Math.Max(0, x0); x < x1; x++)
                {
                    pixels[(y * w) + x] = shade;
                }
            }
        }
        return Decode(new RGBLuminanceSource(pixels, w, h, RGBLuminanceSource.BitmapFormat.Gray8));
    }

    private static string? Decode(LuminanceSource source)
    {
        var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true, [DecodeHintType.PURE_BARCODE] = false };
        try
        {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), hints)?.Text;
        }
        catch (ReaderException)
        {
            return null;
        }
    }

    private static (double Width, double Height) SizeOf(XElement root)
    {
        if (root.Attribute("viewBox")?.Value is { } viewBox)
        {
            var parts = viewBox.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray();
            return (parts[2], parts[3]);
        }
        return (Number(root.Attribute("width")!.Value), Number(root.Attribute("height")!.Value));
    }

    private static double Number(string text) =>
        double.Parse(new string([.. text.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or '-')]), CultureInfo.InvariantCulture);

    private static byte Shade(string fill) => fill.Trim().ToLowerInvariant() switch
    {
        "#fff" or "#ffffff" or "white" => 255,
        "#000" or "#000000" or "black" => 0,
        var other => throw new InvalidOperationException($"Unexpected fill {other}."),
    };
}
