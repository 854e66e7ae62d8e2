using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace LocalProducts.IntegrationTests.Pages.QrCodes;

/// Reads QR codes back as a phone would, with ZXing: a PNG through its pixels, an SVG by drawing
/// its rectangles into a bitmap first.
internal static partial class QrDecoding
{
    [GeneratedRegex(@"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)")]
    private static partial Regex PathToken();

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

    /// Draws the SVG's shapes in document order (later ones paint over earlier ones): its rects,
    /// and its paths, whose every closed part QRCoder writes as one run of modules, a rectangle
    /// ("M3 4h5v1h-5z"). Then decodes the drawing, at enough pixels per SVG unit for ZXing.
    public static string? DecodeSvg(string svg)
    {
        var root = XDocument.Parse(svg).Root ?? throw new InvalidOperationException("Empty SVG.");
        var (width, height) = SizeOf(root);
        var scale = Math.Max(1, Math.Ceiling(400 / width));
        var w = (int)Math.Ceiling(width * scale);
        var h = (int)Math.Ceiling(height * scale);
        var pixels = Enumerable.Repeat((byte)255, w * h).ToArray();
        void Fill(double x, double y, double rw, double rh, byte shade)
        {
            var (x0, y0) = ((int)Math.Round(x * scale), (int)Math.Round(y * scale));
            var (x1, y1) = (Math.Min(w, (int)Math.Round((x + rw) * scale)), Math.Min(h, (int)Math.Round((y + rh) * scale)));
            for (var py = Math.Max(0, y0); py < y1; py++)
            {
                for (var px = Math.Max(0, x0); px < x1; px++)
                {
                    pixels[(py * w) + px] = shade;
                }
            }
        }
        var shapes = 0;
        foreach (var element in root.Descendants())
        {
            var shade = Shade(element.Attribute("fill")?.Value ?? "#000000");
            if (element.Name.LocalName == "rect")
            {
                double At(string name) => Number(element.Attribute(name)?.Value ?? "0");
                Fill(At("x"), At("y"), At("width"), At("height"), shade);
                shapes++;
            }
            else if (element.Name.LocalName == "path")
            {
                foreach (var (x, y, rw, rh) in Rectangles(element.Attribute("d")!.Value))
                {
                    Fill(x, y, rw, rh, shade);
                    shapes++;
                }
            }
        }
        if (shapes < 2)
        {
            throw new InvalidOperationException("The SVG has nothing to draw but its background: " + svg[..Math.Min(300, svg.Length)]);
        }
        return Decode(new RGBLuminanceSource(pixels, w, h, RGBLuminanceSource.BitmapFormat.Gray8));
    }

    /// The closed parts of a path made of straight lines across and down (M, H, V, L and their
    /// relative forms, Z), each as the rectangle it outlines; any other shape fails the test.
    private static IEnumerable<(double X, double Y, double Width, double Height)> Rectangles(string d)
    {
        var tokens = PathToken().Matches(d).Select(m => m.Value).ToList();
        var points = new List<(double X, double Y)>();
        double x = 0, y = 0, startX = 0, startY = 0;
        var command = 'M';
        for (var i = 0; i < tokens.Count;)
        {
            if (char.IsLetter(tokens[i][0]))
            {
                command = tokens[i++][0];
                if (command is 'Z' or 'z')
                {
                    yield return Outline(points);
                    points.Clear();
                    (x, y) = (startX, startY);
                    continue;
                }
            }
            double Next() => Number(tokens[i++]);
            switch (command)
            {
                case 'M': case 'L': (x, y) = (Next(), Next()); break;
                case 'm': case 'l': (x, y) = (x + Next(), y + Next()); break;
                case 'H': x = Next(); break;
                case 'h': x += Next(); break;
                case 'V': y = Next(); break;
                case 'v': y += Next(); break;
                default: throw new InvalidOperationException($"Path command {command} is not a straight line across or down.");
            }
            if (points.Count == 0)
            {
                (startX, startY) = (x, y);
            }
            points.Add((x, y));
        }
        if (points.Count > 0)
        {
            yield return Outline(points);
        }
    }

    private static (double X, double Y, double Width, double Height) Outline(List<(double X, double Y)> points)
    {
        var xs = points.Select(p => p.X).Distinct().ToList();
        var ys = points.Select(p => p.Y).Distinct().ToList();
        if (xs.Count != 2 || ys.Count != 2)
        {
            throw new InvalidOperationException("A part of the path is not a rectangle.");
        }
        return (xs.Min(), ys.Min(), xs.Max() - xs.Min(), ys.Max() - ys.Min());
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
        "none" or "transparent" => 255,
        var other => throw new InvalidOperationException($"Unexpected fill {other}."),
    };
}
