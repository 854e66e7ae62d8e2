namespace LocalProducts.Web.Domain;

public enum IkmScale
{
    Mikro = 1,
    Kecil = 2,
    Menengah = 3,
}

public enum VerificationState
{
    /// "Menunggu verifikasi": registered, not yet checked by staff.
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

/// A small or medium industry: the maker behind products. Owned by an IkmOwner account.
public sealed class Ikm
{
    private readonly List<Product> _products = [];

    public int Id { get; private set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public required string Nib { get; set; }
    public IkmScale Scale { get; set; }
    public string? Kbli { get; set; }
    public required string ProvinceCode { get; set; }
    public required string RegencyCode { get; set; }
    public string? DistrictCode { get; set; }
    public Province? Province { get; private set; }
    public Regency? Regency { get; private set; }
    public District? District { get; private set; }
    public string? Address { get; set; }
    /// Sentra: the industry centre the IKM belongs to, when there is one.
    public string? Sentra { get; set; }
    public int? FoundedYear { get; set; }
    public string? Story { get; set; }
    public string? WhatsApp { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    /// The logo, a stored image (ImagePurpose.IkmLogo). Change it with ReplaceLogo.
    public Guid? LogoImageId { get; private set; }
    public StoredImage? Logo { get; private set; }
    public Guid? OwnerId { get; set; }
    public VerificationState Verification { get; private set; } = VerificationState.Pending;
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// PostgreSQL xmin: a second save from a stale copy fails instead of overwriting.
    public uint Version { get; private set; }
    public IReadOnlyList<Product> Products => _products;

    public bool IsVerified => Verification == VerificationState.Verified;

    /// Sets a new logo (or none) and returns the one it replaces, for the caller to delete from
    /// the image store in the same transaction.
    public Guid? ReplaceLogo(Guid? imageId)
    {
        var previous = LogoImageId;
        LogoImageId = imageId;
        return previous == imageId ? null : previous;
    }

    public void Verify(DateTimeOffset now)
    {
        Verification = VerificationState.Verified;
        RejectionReason = null;
        VerifiedAt = now;
    }

    public void Reject(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Verification = VerificationState.Rejected;
        RejectionReason = reason.Trim();
        VerifiedAt = null;
    }

    /// Back to "menunggu verifikasi": a rejected IKM corrected by its owner, or a verified one whose
    /// name or NIB (what staff checked) changed.
    public void Resubmit()
    {
        Verification = VerificationState.Pending;
        RejectionReason = null;
        VerifiedAt = null;
    }

    public static bool IsValidWhatsApp(string? number) =>
        number is { Length: >= 10 and <= 16 } && number.StartsWith("+62", StringComparison.Ordinal)
        && number[1..].All(char.IsAsciiDigit);
}
