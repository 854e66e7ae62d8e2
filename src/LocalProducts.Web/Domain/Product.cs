namespace LocalProducts.Web.Domain;

public enum ProductState
{
    /// A listing of an unverified IKM waits for staff before shoppers see it.
    PendingReview = 1,
    Published = 2,
    /// Hidden by its owner or by staff (with a reason).
    Hidden = 3,
}

/// A product listed by an IKM. The site is a showcase: shoppers buy on the marketplaces linked.
public sealed class Product
{
    private readonly List<Certification> _certifications = [];
    private readonly List<MarketplaceLink> _marketplaceLinks = [];
    private readonly List<ProductImage> _images = [];

    public int Id { get; private set; }
    public int IkmId { get; init; }
    public Ikm? Ikm { get; private set; }
    public int CategoryId { get; set; }
    public Category? Category { get; private set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    /// Markdown, as the owner wrote it.
    public string? Description { get; set; }
    /// The description rendered and sanitised, and as plain text (for meta descriptions), kept
    /// beside the Markdown when it is saved so that showing a product renders nothing.
    public string? DescriptionHtml { get; private set; }
    public string? DescriptionText { get; private set; }
    public long PriceMin { get; private set; }
    public long? PriceMax { get; private set; }
    public string? Unit { get; set; }
    public int MinOrder { get; set; } = 1;
    public ProductState State { get; set; } = ProductState.PendingReview;
    public string? HiddenReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public uint Version { get; private set; }
    public IReadOnlyList<Certification> Certifications => _certifications;
    public IReadOnlyList<MarketplaceLink> MarketplaceLinks => _marketplaceLinks;
    public IReadOnlyList<ProductImage> Images => _images;

    /// A single price, or a range for products with variants. Prices are whole rupiah.
    public void SetPrice(long min, long? max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        if (max is { } upper && upper < min)
        {
            throw new ArgumentOutOfRangeException(nameof(max), "The highest price is below the lowest.");
        }
        PriceMin = min;
        PriceMax = max == min ? null : max;
    }

    public void SetRenderedDescription(string html, string text)
    {
        DescriptionHtml = html;
        DescriptionText = text;
    }

    public void AddCertification(Certification certification) => _certifications.Add(certification);

    public void AddMarketplaceLink(Marketplace platform, string url)
    {
        if (!Marketplaces.IsShopUrl(platform, url))
        {
            throw new ArgumentException($"Not an https link on {platform}.", nameof(url));
        }
        _marketplaceLinks.Add(new MarketplaceLink { Platform = platform, Url = url });
    }

    /// Adds an uploaded photo after the others; the first photo is the one cards show.
    public ProductImage AddImage(Guid imageId, string? altText)
    {
        var image = new ProductImage
        {
            ImageId = imageId,
            AltText = string.IsNullOrWhiteSpace(altText) ? null : altText.Trim(),
            SortOrder = _images.Count == 0 ? 0 : _images.Max(i => i.SortOrder) + 1,
        };
        _images.Add(image);
        return image;
    }

    /// Takes a photo off the product. The caller deletes the stored image too (ImageStore).
    public bool RemoveImage(Guid imageId) => _images.RemoveAll(i => i.ImageId == imageId) > 0;

    public void Publish(DateTimeOffset now)
    {
        State = ProductState.Published;
        HiddenReason = null;
        PublishedAt ??= now;
    }

    /// Staff hide with a reason the owner sees; an owner hides their own listing without one.
    public bool IsHiddenByStaff => State == ProductState.Hidden && HiddenReason is not null;

    public void Hide(string? reason)
    {
        State = ProductState.Hidden;
        HiddenReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// Waits for staff again: a listing of an unverified IKM, or one staff hid and the owner changed.
    public void SubmitForReview()
    {
        State = ProductState.PendingReview;
        HiddenReason = null;
    }

    public void RemoveCertification(Certification certification) => _certifications.Remove(certification);

    public void RemoveMarketplaceLink(MarketplaceLink link) => _marketplaceLinks.Remove(link);

    public bool QualifiesForPdnOn(DateOnly day) => _certifications.Any(c => c.QualifiesForPdnOn(day));
}

/// A product photo: a stored image (its sizes and copies are there) in the product's order.
public sealed class ProductImage
{
    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public Guid ImageId { get; init; }
    public StoredImage? Image { get; private set; }
    /// What the photo shows, for readers who cannot see it; the product's name when empty.
    public string? AltText { get; set; }
    public int SortOrder { get; set; }
}
