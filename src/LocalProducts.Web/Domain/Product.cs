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
    /// Markdown, sanitised when rendered.
    public string? Description { get; set; }
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

    public void AddCertification(Certification certification) => _certifications.Add(certification);

    public void AddMarketplaceLink(Marketplace platform, string url)
    {
        if (!Marketplaces.IsShopUrl(platform, url))
        {
            throw new ArgumentException($"Not an https link on {platform}.", nameof(url));
        }
        _marketplaceLinks.Add(new MarketplaceLink { Platform = platform, Url = url });
    }

    public void AddImage(ProductImage image) => _images.Add(image);

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

/// A product photo. Sizes are derived copies stored beside the original (see the uploads issue).
public sealed class ProductImage
{
    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public required string Path { get; init; }
    public string? AltText { get; set; }
    public int SortOrder { get; set; }
    public int Width { get; init; }
    public int Height { get; init; }
}
