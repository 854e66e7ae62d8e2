using System.Buffers;
using System.Security.Cryptography;
using LocalProducts.Web.Domain;
using SkiaSharp;

namespace LocalProducts.Web.Infrastructure.Images;

/// One re-encoded copy, ready to store.
public sealed record ProcessedVariant(ImageVariantFormat Format, int Width, int Height, byte[] Bytes);

/// A checked upload and its copies. Width and height are the upload's, orientation applied.
public sealed record ProcessedImage(ImagePurpose Purpose, int Width, int Height, byte[] ContentHash, IReadOnlyList<ProcessedVariant> Variants)
{
    public int[] Widths => [.. Variants.Where(v => v.Format == ImageVariantFormat.Webp).Select(v => v.Width).Order()];
    public ProcessedVariant Share => Variants.Single(v => v.Format == ImageVariantFormat.Jpeg);
}

/// Checks an upload by its content and makes its copies: at most 5 MB read, JPEG/PNG/WebP by
/// their first bytes, size checked from the header before any pixel is decoded, decoded whole,
/// EXIF orientation applied, then re-encoded, which leaves every metadata block (EXIF, GPS, XMP,
/// comments) behind. CPU-bound: ImageStore limits how many run at once.
public static class ImageProcessor
{
    private static readonly SKSamplingOptions _resampling = new(SKCubicResampler.Mitchell);

    public static async Task<ImageOutcome<ProcessedImage>> ProcessAsync(Stream upload, ImagePurpose purpose, CancellationToken cancellationToken)
    {
        var bytes = await ReadAtMostAsync(upload, ImageRules.MaxUploadBytes, cancellationToken);
        if (bytes is null)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.TooLarge);
        }
        return Process(bytes, purpose);
    }

    /// The stream's bytes, or null when it holds more than <paramref name="limit"/>: never more
    /// than limit + 1 bytes are read, whatever the request's Content-Length said.
    public static async Task<byte[]?> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            while (true)
            {
                var wanted = (int)Math.Min(chunk.Length, limit + 1L - buffer.Length);
                var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    return buffer.ToArray();
                }
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// The format the first bytes announce, or null for anything else.
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes is [0xFF, 0xD8, 0xFF, ..])
        {
            return SKEncodedImageFormat.Jpeg;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return SKEncodedImageFormat.Webp;
        }
        return null;
    }

    /// Whether the file holds its format's end: EOI after the JPEG's last start-of-scan (inside
    /// the compressed data FF is always followed by 00 or a restart marker, so neither marker can
    /// appear there by chance), the PNG IEND chunk, the whole RIFF length of a WebP.
    public static bool IsComplete(ReadOnlySpan<byte> bytes, SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => bytes.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) is var end and >= 0
            && end > bytes.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]),
        SKEncodedImageFormat.Png => bytes.LastIndexOf("IEND"u8) > 8,
        SKEncodedImageFormat.Webp => bytes.Length >= 12
            && (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..8]) + 8 <= bytes.Length,
        _ => false,
    };

    public static ImageOutcome<ProcessedImage> Process(byte[] bytes, ImagePurpose purpose)
    {
        if (bytes.Length == 0)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.Missing);
        }
        if (bytes.Length > ImageRules.MaxUploadBytes)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.TooLarge);
        }
        if (Sniff(bytes) is not { } format)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.NotAnImage);
        }

        // A file cut short can still decode "successfully" (the codec fills the missing rows), so
        // its end is checked first: a JPEG's last scan ends with EOI, a PNG has IEND, a WebP is
        // as long as its RIFF header says.
        if (!IsComplete(bytes, format))
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.Unreadable);
        }

        var policy = ImageRules.For(purpose);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != format)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.Unreadable);
        }

        // The header's size, before a single pixel is decoded.
        var encoded = codec.Info;
        if (encoded.Width <= 0 || encoded.Height <= 0)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.Unreadable);
        }
        if (encoded.Width > ImageRules.MaxSide || encoded.Height > ImageRules.MaxSide || (long)encoded.Width * encoded.Height > ImageRules.MaxPixels)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.TooManyPixels);
        }
        if (Math.Min(encoded.Width, encoded.Height) < policy.MinShortSide)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.TooSmall, policy.MinShortSide);
        }

        var origin = codec.EncodedOrigin;
        var turned = SwapsWidthAndHeight(origin);
        var width = turned ? encoded.Height : encoded.Width;
        var height = turned ? encoded.Width : encoded.Height;

        using var decoded = Decode(codec, width, policy);
        if (decoded is null)
        {
            return ImageOutcome.Fail<ProcessedImage>(ImageProblem.Unreadable);
        }
        using var upright = Orient(decoded, origin);

        var variants = new List<ProcessedVariant>();
        // Largest first, each copy made from the one before: small steps keep fine detail without aliasing.
        var source = upright;
        var made = new List<SKBitmap>();
        try
        {
            foreach (var w in policy.WidthsFor(width).OrderDescending())
            {
                var copy = Resize(source, w, HeightFor(w, width, height));
                if (!ReferenceEquals(copy, source))
                {
                    made.Add(copy);
                }
                variants.Add(new ProcessedVariant(ImageVariantFormat.Webp, copy.Width, copy.Height, EncodeWebp(copy, policy.Lossless)));
                source = copy;
            }

            var shareWidth = policy.ShareWidthFor(width);
            using var share = Resize(upright, shareWidth, HeightFor(shareWidth, width, height)) is var resized && ReferenceEquals(resized, upright)
                ? upright.Copy() : resized;
            variants.Add(new ProcessedVariant(ImageVariantFormat.Jpeg, share.Width, share.Height, EncodeJpeg(share)));
        }
        finally
        {
            foreach (var bitmap in made)
            {
                bitmap.Dispose();
            }
        }

        return ImageOutcome.Success(new ProcessedImage(purpose, width, height, SHA256.HashData(bytes), [.. variants.OrderBy(v => v.Format).ThenBy(v => v.Width)]));
    }

    private static int HeightFor(int targetWidth, int width, int height) =>
        Math.Max(1, (int)Math.Round(targetWidth * (double)height / width, MidpointRounding.AwayFromZero));

    /// Decodes every byte of the image, at a reduced scale when the codec can (JPEG decodes at 1/2,
    /// 1/4, 1/8 almost for free) and the largest copy needs no more. A truncated or damaged file
    /// fails here.
    private static SKBitmap? Decode(SKCodec codec, int uprightWidth, ImagePolicy policy)
    {
        var needed = Math.Max(policy.Widths[^1], policy.ShareWidth);
        var size = codec.Info.Size;
        if (uprightWidth > needed)
        {
            var scaled = codec.GetScaledDimensions(needed / (float)uprightWidth);
            var scaledUpright = SwapsWidthAndHeight(codec.EncodedOrigin) ? scaled.Height : scaled.Width;
            if (scaledUpright >= needed && scaled.Width > 0 && scaled.Height > 0)
            {
                size = scaled;
            }
        }

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var result = TryDecode(codec, new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, alpha, SKColorSpace.CreateSrgb()));
        if (result is null && size != codec.Info.Size)
        {
            result = TryDecode(codec, new SKImageInfo(codec.Info.Width, codec.Info.Height, SKImageInfo.PlatformColorType, alpha, SKColorSpace.CreateSrgb()));
        }
        return result;
    }

    private static SKBitmap? TryDecode(SKCodec codec, SKImageInfo info)
    {
        var bitmap = new SKBitmap(info);
        if (codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            return bitmap;
        }
        bitmap.Dispose();
        return null;
    }

    private static bool SwapsWidthAndHeight(SKEncodedOrigin origin) => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
        or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// Turns the pixels the way the EXIF orientation says, so the copies need no orientation tag.
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }
        var turned = SwapsWidthAndHeight(origin);
        var w = turned ? source.Height : source.Width;
        var h = turned ? source.Width : source.Height;
        var result = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType, source.ColorSpace));
        using var canvas = new SKCanvas(result);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight:
                canvas.Translate(w, 0);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.BottomRight:
                canvas.Translate(w, h);
                canvas.RotateDegrees(180);
                break;
            case SKEncodedOrigin.BottomLeft:
                canvas.Translate(0, h);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.LeftTop:
                canvas.RotateDegrees(90);
                canvas.Scale(1, -1);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(w, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.RightBottom:
                canvas.Translate(w, h);
                canvas.RotateDegrees(90);
                canvas.Scale(-1, 1);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, h);
                canvas.RotateDegrees(270);
                break;
        }
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return result;
    }

    /// The same bitmap when it already has the size, otherwise a resized copy.
    private static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        if (source.Width == width && source.Height == height)
        {
            return source;
        }
        return source.Resize(new SKImageInfo(width, height, source.ColorType, source.AlphaType, source.ColorSpace), _resampling)
            ?? throw new InvalidOperationException("SkiaSharp could not resize the image.");
    }

    /// Lossless: the quality number is then the effort spent making the file small.
    private static byte[] EncodeWebp(SKBitmap bitmap, bool lossless)
    {
        using var pixels = bitmap.PeekPixels();
        var options = lossless
            ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, ImageRules.LosslessWebpEffort)
            : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, ImageRules.WebpQuality);
        using var encoded = pixels.Encode(options)
            ?? throw new InvalidOperationException("SkiaSharp could not encode WebP.");
        return encoded.ToArray();
    }

    /// JPEG has no transparency: a logo's transparent parts become white, as on the site.
    private static byte[] EncodeJpeg(SKBitmap bitmap)
    {
        using var flat = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, bitmap.ColorType, SKAlphaType.Opaque, bitmap.ColorSpace));
        using (var canvas = new SKCanvas(flat))
        {
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        using var pixels = flat.PeekPixels();
        using var encoded = pixels.Encode(new SKJpegEncoderOptions(ImageRules.JpegQuality))
            ?? throw new InvalidOperationException("SkiaSharp could not encode JPEG.");
        return encoded.ToArray();
    }
}
