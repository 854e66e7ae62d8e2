using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Infrastructure.Images;

/// The sizes an upload must have and the copies made of it, per purpose.
/// <param name="MinShortSide">Smaller photos look blurred on a phone; the owner is asked for a better one.</param>
/// <param name="Widths">WebP copies for srcset; copies wider than the upload are not made (no upscaling).</param>
/// <param name="ShareWidth">The JPEG copy for OpenGraph and WhatsApp previews (1200 px is what they show largest).</param>
/// <param name="Lossless">WebP copies without loss: for a code that must still scan (QRIS), whose
/// hard black-and-white edges lossy WebP smears, and which lossless WebP keeps small anyway.</param>
public sealed record ImagePolicy(int MinShortSide, IReadOnlyList<int> Widths, int ShareWidth, bool Lossless = false)
{
    /// The WebP widths for an upload this wide: every policy width below it, plus the upload's own
    /// width when it is narrower than the largest, so a small photo is still served whole.
    public int[] WidthsFor(int originalWidth)
    {
        var widths = Widths.Where(w => w < originalWidth).ToList();
        var largest = Math.Min(originalWidth, Widths[^1]);
        if (!widths.Contains(largest))
        {
            widths.Add(largest);
        }
        return [.. widths.Order()];
    }

    public int ShareWidthFor(int originalWidth) => Math.Min(originalWidth, ShareWidth);
}

public static class ImageRules
{
    /// 5 MB: a phone photo fits; anything larger is refused before it is decoded.
    public const int MaxUploadBytes = 5 * 1024 * 1024;
    /// Decompression bombs: a small file can claim a huge canvas. Refused from the header alone.
    /// 24 megapixels is more than a phone camera makes, and about 100 MB decoded.
    public const int MaxSide = 10_000;
    public const long MaxPixels = 24_000_000;
    /// Uploads per person an hour: enough to photograph a whole catalogue, not to keep the
    /// image workers busy for everyone else.
    public const int UploadsPerHour = 60;
    /// Lossy WebP at this quality is about a third of a JPEG of the same look.
    public const float WebpQuality = 78;
    /// For lossless copies (QRIS): how hard the encoder tries to make them small, 0–100.
    public const float LosslessWebpEffort = 75;
    public const int JpegQuality = 82;

    /// A request carrying one photo and a form's fields: the check above answers files up to this
    /// size with its own message; beyond it the form is not read (see ImageUploadLimitsAttribute).
    public const long MaxRequestBytes = MaxUploadBytes + (1024 * 1024);

    private static readonly ImagePolicy _photo = new(200, [160, 320, 640, 960, 1280], 1200);
    private static readonly ImagePolicy _logo = new(96, [96, 192, 384], 512);
    /// A QRIS is usually a phone screenshot of the merchant's printed code. Never cropped (no copy
    /// is), shown at most about 320 CSS px wide, so 640 covers a 2× screen; below 200 px its
    /// modules are too few pixels to scan after scaling.
    private static readonly ImagePolicy _qris = new(200, [320, 640], 640, Lossless: true);

    public static ImagePolicy For(ImagePurpose purpose) => purpose switch
    {
        ImagePurpose.IkmLogo => _logo,
        ImagePurpose.Qris => _qris,
        _ => _photo,
    };
}
