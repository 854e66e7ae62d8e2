namespace LocalProducts.Web.Domain;

/// What an uploaded image is for: it decides the minimum size and the copies made.
public enum ImagePurpose
{
    ProductPhoto = 1,
    IkmLogo = 2,
    /// Reserved for news and campaign posts (not uploaded yet).
    PostPhoto = 3,
    /// A maker's static QRIS payment code: kept sharp (never cropped) so it still scans.
    Qris = 4,
}

public enum ImageVariantFormat
{
    Webp = 1,
    /// One copy for link previews (OpenGraph, WhatsApp), which do not all read WebP.
    Jpeg = 2,
}

/// An uploaded image, checked and re-encoded, kept in PostgreSQL so every instance can serve it
/// (decision 0006). Immutable: a new upload is a new image with a new id, so its addresses can be
/// cached for ever.
public sealed class StoredImage
{
    private readonly List<StoredImageVariant> _variants = [];

    public Guid Id { get; init; }
    public ImagePurpose Purpose { get; init; }
    /// The upload's size in pixels once its EXIF orientation is applied.
    public int Width { get; init; }
    public int Height { get; init; }
    /// The widths of the WebP copies, smallest first: what srcset may list.
    public required int[] Widths { get; init; }
    /// The width of the JPEG copy for link previews.
    public int ShareWidth { get; init; }
    /// SHA-256 of the uploaded bytes: finds the same photo uploaded twice.
    public required byte[] ContentHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedBy { get; init; }
    public IReadOnlyList<StoredImageVariant> Variants => _variants;

    public void AddVariant(StoredImageVariant variant) => _variants.Add(variant);
}

/// One re-encoded copy of a stored image at one width.
public sealed class StoredImageVariant
{
    public Guid ImageId { get; init; }
    public ImageVariantFormat Format { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public int ByteLength { get; init; }
    public required byte[] Bytes { get; init; }
}
