using LocalProducts.Web.Domain;

namespace LocalProducts.Benchmarks.Generation;

/// One generated IKM, with the columns of `ikms` that exist in every version of the schema
/// (no derived columns: database triggers fill those).
internal sealed class GeneratedIkm
{
    public required string Slug { get; set; }
    public required string Name { get; init; }
    public required string Nib { get; init; }
    public IkmScale Scale { get; init; }
    public required string Kbli { get; init; }
    public required string ProvinceCode { get; init; }
    public required string RegencyCode { get; init; }
    public string? DistrictCode { get; init; }
    public required string Address { get; init; }
    public string? Sentra { get; init; }
    public int FoundedYear { get; init; }
    public required string Story { get; init; }
    public string? WhatsApp { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public VerificationState Verification { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

internal sealed class GeneratedProduct
{
    public required GeneratedIkm Ikm { get; init; }
    public int CategoryId { get; init; }
    public required string Slug { get; set; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public long PriceMin { get; init; }
    public long? PriceMax { get; init; }
    public required string Unit { get; init; }
    public int MinOrder { get; init; }
    public ProductState State { get; init; }
    public string? HiddenReason { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? PublishedAt { get; init; }
    public required IReadOnlyList<GeneratedCertification> Certifications { get; init; }
    public required IReadOnlyList<GeneratedLink> Links { get; init; }
}

internal sealed record GeneratedCertification(
    CertificationKind Kind,
    string Number,
    DateOnly? IssuedOn,
    DateOnly? ExpiresOn,
    decimal? TkdnPercent,
    decimal? BmpPercent);

internal sealed record GeneratedLink(Marketplace Platform, string Url);

internal sealed record GeneratedCatalogue(IReadOnlyList<GeneratedIkm> Ikms, IReadOnlyList<GeneratedProduct> Products)
{
    public int CertificationCount => Products.Sum(p => p.Certifications.Count);
    public int LinkCount => Products.Sum(p => p.Links.Count);
}
