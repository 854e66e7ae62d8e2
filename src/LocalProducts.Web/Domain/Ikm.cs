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

/// What an owner's save did to the IKM's verification, so the page can say it.
public enum VerificationChange
{
    Unchanged,
    /// A rejected IKM, corrected by its owner, waits for staff again.
    Resubmitted,
    /// A verified IKM whose name or NIB (what staff checked against OSS) changed waits again.
    ReverificationNeeded,
}

/// A small or medium industry: the maker behind products. Owned by an IkmOwner account.
public sealed class Ikm
{
    private readonly List<Product> _products = [];
    private string _name = "";
    private string _nib = "";

    public const int QrisMerchantNameMaxLength = 100;

    public int Id { get; private set; }
    public required string Slug { get; set; }
    /// The name and NIB are what staff verify: change them with <see cref="ChangedByOwner"/>.
    public required string Name { get => _name; init => _name = value; }
    public required string Nib { get => _nib; init => _nib = value; }
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
    /// A static QRIS image (ImagePurpose.Qris) a shopper at an event scans to pay the maker
    /// directly, with the merchant name QRIS shows. Change it with ReplaceQris.
    public Guid? QrisImageId { get; private set; }
    public StoredImage? Qris { get; private set; }
    public string? QrisMerchantName { get; private set; }
    public Guid? OwnerId { get; set; }
    public VerificationState Verification { get; private set; } = VerificationState.Pending;
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    /// The day (WIB) staff last looked the NIB up in the licensing system (OSS) and found it
    /// belongs to this business.
    public DateOnly? NibCheckedOn { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// PostgreSQL xmin: a second save from a stale copy fails instead of overwriting.
    public uint Version { get; private set; }
    public IReadOnlyList<Product> Products => _products;
    /// The day (WIB) the IKM completed every module of an e-Smart IKM cohort: its badge and the
    /// "Alumni e-Smart IKM" catalogue filter. Null: not (yet) an alumnus.
    public DateOnly? ESmartAlumniSince { get; private set; }

    public bool IsVerified => Verification == VerificationState.Verified;

    /// Sets a new logo (or none) and returns the one it replaces, for the caller to delete from
    /// the image store in the same transaction.
    public Guid? ReplaceLogo(Guid? imageId)
    {
        var previous = LogoImageId;
        LogoImageId = imageId;
        return previous == imageId ? null : previous;
    }

    /// Sets a new QRIS image and merchant name (or none) and returns the image it replaces, for
    /// the caller to delete from the image store in the same transaction. A QRIS is never shown
    /// without the merchant name the shopper checks in their payment app before paying.
    public Guid? ReplaceQris(Guid? imageId, string? merchantName)
    {
        var name = CleanQrisMerchantName(merchantName);
        if (imageId is not null && !IsValidQrisMerchantName(name))
        {
            throw new ArgumentException("A QRIS needs its merchant name (1 to 100 printable characters).", nameof(merchantName));
        }
        var previous = QrisImageId;
        QrisImageId = imageId;
        QrisMerchantName = imageId is null ? null : name;
        return previous == imageId ? null : previous;
    }

    /// The merchant name as printed on the QRIS: trimmed, inner runs of spaces made one.
    public static string? CleanQrisMerchantName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// A cleaned merchant name: present, at most <see cref="QrisMerchantNameMaxLength"/>
    /// characters, and no control characters (nothing a payment app would show).
    public static bool IsValidQrisMerchantName(string? cleaned) =>
        cleaned is { Length: > 0 and <= QrisMerchantNameMaxLength } && !cleaned.Any(char.IsControl);

    /// The owner saved the business form. A rejected IKM goes back to waiting (resubmitted); a
    /// verified one goes back only when its name or NIB changes, its other fields stay verified.
    public VerificationChange ChangedByOwner(string name, string nib, DateTimeOffset now)
    {
        var identityChanged = name != _name || nib != _nib;
        if (nib != _nib)
        {
            NibCheckedOn = null;
        }
        _name = name;
        _nib = nib;
        UpdatedAt = now;
        if (Verification == VerificationState.Rejected)
        {
            Resubmit();
            return VerificationChange.Resubmitted;
        }
        if (Verification == VerificationState.Verified && identityChanged)
        {
            Resubmit();
            return VerificationChange.ReverificationNeeded;
        }
        return VerificationChange.Unchanged;
    }

    /// Staff checked the business. Its listings that waited for that are published at once (the
    /// verification page lists them first); returns them.
    public IReadOnlyList<Product> Verify(DateTimeOffset now, IEnumerable<Product>? listings = null)
    {
        if (IsVerified)
        {
            throw new InvalidOperationException("This IKM is verified already.");
        }
        Verification = VerificationState.Verified;
        RejectionReason = null;
        VerifiedAt = now;
        UpdatedAt = now;
        var published = (listings ?? []).Where(p => p.IkmId == Id && p.State == ProductState.PendingReview).ToList();
        foreach (var product in published)
        {
            product.Publish(now);
        }
        return published;
    }

    /// Staff refuse with a reason the owner reads to correct the data.
    public void Reject(string reason, DateTimeOffset? now = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Verification != VerificationState.Pending)
        {
            throw new InvalidOperationException("Only an IKM waiting for verification can be rejected.");
        }
        UpdatedAt = now ?? UpdatedAt;
        Verification = VerificationState.Rejected;
        RejectionReason = reason.Trim();
        VerifiedAt = null;
    }

    /// Back to "menunggu verifikasi": a rejected IKM corrected by its owner, or a verified one whose
    /// name or NIB (what staff checked) changed.
    private void Resubmit()
    {
        Verification = VerificationState.Pending;
        RejectionReason = null;
        VerifiedAt = null;
    }

    /// Staff looked the NIB up on <paramref name="day"/>: not a future day, and the NIB checked is
    /// the one the IKM has now (a later NIB change clears it).
    public void RecordNibCheck(DateOnly day, DateOnly todayWib)
    {
        if (day > todayWib)
        {
            throw new ArgumentOutOfRangeException(nameof(day), "A check cannot be recorded for a future day.");
        }
        NibCheckedOn = day;
    }

    /// The first completed cohort makes the IKM an alumnus; a later one keeps the first day.
    public void GraduateFromESmart(DateOnly todayWib) => ESmartAlumniSince ??= todayWib;

    public static bool IsValidWhatsApp(string? number) =>
        number is { Length: >= 10 and <= 16 } && number.StartsWith("+62", StringComparison.Ordinal)
        && number[1..].All(char.IsAsciiDigit);
}
