namespace LocalProducts.Web.Domain;

public enum ProductState
{
    /// A listing of an unverified IKM waits for staff before shoppers see it.
    PendingReview = 1,
    Published = 2,
    /// Hidden by its owner or by staff (with a reason).
    Hidden = 3,
}

/// What an owner's or staff's action did to a listing, so the page can say it.
public enum ListingChange
{
    /// Nothing to do: already hidden, or not hidden.
    Unchanged,
    Published,
    /// Waits for staff: the maker is not verified yet.
    AwaitsReview,
    /// Staff had hidden it; the owner's edit sends it back to them.
    SentBackForReview,
    /// The owner hid it; an edit keeps it hidden until the owner shows it again.
    StaysHidden,
    Hidden,
    /// Staff hid it: only an edit (and staff's review) brings it back, not "show again".
    RefusedHiddenByStaff,
    /// Staff can only approve a listing that waits, and show again one that is hidden.
    RefusedWrongState,
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
    public ProductState State { get; private set; } = ProductState.PendingReview;
    /// Why staff hid it, for the owner; null when the owner hid it (or it is not hidden).
    public string? HiddenReason { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; private set; }
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

    public void AddMarketplaceLink(Marketplace platform, string url) =>
        _marketplaceLinks.Add(new MarketplaceLink { Platform = platform, Url = ShopUrl(platform, url) });

    /// Links are kept in their normalised form (<see cref="Marketplaces.NormaliseShopUrl"/>).
    public void ChangeMarketplaceLink(MarketplaceLink link, string url) => link.Url = ShopUrl(link.Platform, url);

    private static string ShopUrl(Marketplace platform, string url) =>
        Marketplaces.NormaliseShopUrl(platform, url) ?? throw new ArgumentException($"Not an https link on {platform}.", nameof(url));

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

    /// A new listing of an IKM: a verified IKM's listing publishes at once, otherwise it waits for
    /// staff's review.
    public static Product ListedBy(Ikm maker, string slug, string name, DateTimeOffset now)
    {
        var product = new Product { IkmId = maker.Id, Slug = slug, Name = name, CreatedAt = now, UpdatedAt = now };
        if (maker.IsVerified)
        {
            product.Publish(now);
        }
        return product;
    }

    /// The owner saved a change. A listing staff hid goes back to review; one the owner hid stays
    /// hidden; otherwise a verified maker's listing is (again) published and an unverified one's
    /// waits for review.
    public ListingChange ChangedByOwner(bool makerIsVerified, DateTimeOffset now)
    {
        UpdatedAt = now;
        if (IsHiddenByStaff)
        {
            SubmitForReview();
            return ListingChange.SentBackForReview;
        }
        if (State == ProductState.Hidden)
        {
            return ListingChange.StaysHidden;
        }
        return ShowFor(makerIsVerified, now);
    }

    /// The owner takes their listing off the catalogue, without a reason.
    public ListingChange HiddenByOwner(DateTimeOffset now)
    {
        if (State == ProductState.Hidden)
        {
            return ListingChange.Unchanged;
        }
        Hide(reason: null);
        UpdatedAt = now;
        return ListingChange.Hidden;
    }

    /// The owner shows a listing they hid: published again for a verified maker, back to review
    /// otherwise. A listing staff hid comes back only through an edit and staff's review.
    public ListingChange ShownAgainByOwner(bool makerIsVerified, DateTimeOffset now)
    {
        if (IsHiddenByStaff)
        {
            return ListingChange.RefusedHiddenByStaff;
        }
        if (State != ProductState.Hidden)
        {
            return ListingChange.Unchanged;
        }
        UpdatedAt = now;
        return ShowFor(makerIsVerified, now);
    }

    /// Staff approve a listing that waits for review.
    public ListingChange ApprovedByStaff(DateTimeOffset now)
    {
        if (State != ProductState.PendingReview)
        {
            return ListingChange.RefusedWrongState;
        }
        Publish(now);
        UpdatedAt = now;
        return ListingChange.Published;
    }

    /// Staff hide any listing, with a reason the owner reads to mend it.
    public ListingChange HiddenByStaff(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Hide(reason);
        UpdatedAt = now;
        return ListingChange.Hidden;
    }

    /// Staff show a hidden listing again (theirs or the owner's hiding).
    public ListingChange ShownAgainByStaff(DateTimeOffset now)
    {
        if (State != ProductState.Hidden)
        {
            return ListingChange.RefusedWrongState;
        }
        Publish(now);
        UpdatedAt = now;
        return ListingChange.Published;
    }

    private ListingChange ShowFor(bool makerIsVerified, DateTimeOffset now)
    {
        if (makerIsVerified)
        {
            Publish(now);
            return ListingChange.Published;
        }
        SubmitForReview();
        return ListingChange.AwaitsReview;
    }

    /// Shown to shoppers; the first publication's time is kept (the catalogue's "newest" order).
    public void Publish(DateTimeOffset now)
    {
        State = ProductState.Published;
        HiddenReason = null;
        PublishedAt ??= now;
    }

    /// Staff hide with a reason the owner sees; an owner hides their own listing without one.
    public bool IsHiddenByStaff => State == ProductState.Hidden && HiddenReason is not null;

    private void Hide(string? reason)
    {
        State = ProductState.Hidden;
        HiddenReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// Waits for staff again: a listing of an unverified IKM, or one staff hid and the owner changed.
    private void SubmitForReview()
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
