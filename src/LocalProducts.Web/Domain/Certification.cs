namespace LocalProducts.Web.Domain;

public enum CertificationKind
{
    /// Tingkat Komponen Dalam Negeri: certified local-content percentage.
    Tkdn = 1,
    /// Halal certificate issued by BPJPH.
    Halal = 2,
    /// Standar Nasional Indonesia mark.
    Sni = 3,
    /// Pangan Industri Rumah Tangga: home food-industry permit.
    Pirt = 4,
    /// BPOM registration for domestic food and cosmetics (MD).
    BpomMd = 5,
    /// BPOM registration for imported-ingredient products (ML).
    BpomMl = 6,
}

/// A certificate held by a product, with its number and validity.
public sealed class Certification
{
    /// Government buyers must prefer products with TKDN at least 25 % ...
    public const decimal PdnMinimumTkdn = 25m;
    /// ... and TKDN + BMP at least 40 %.
    public const decimal PdnMinimumTkdnPlusBmp = 40m;

    public int Id { get; private set; }
    public int ProductId { get; private set; }
    public CertificationKind Kind { get; init; }
    public required string Number { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    /// TKDN percentage; only for <see cref="CertificationKind.Tkdn"/>.
    public decimal? TkdnPercent { get; set; }
    /// Bobot Manfaat Perusahaan, added to TKDN; only for <see cref="CertificationKind.Tkdn"/>.
    public decimal? BmpPercent { get; set; }

    public bool IsValidOn(DateOnly day) => ExpiresOn is null || ExpiresOn >= day;

    /// The "PDN" mark: a valid TKDN certificate that meets both government-preference thresholds.
    public bool QualifiesForPdnOn(DateOnly day) => QualifiesForPdn(Kind, TkdnPercent, BmpPercent, ExpiresOn, day);

    public static bool QualifiesForPdn(CertificationKind kind, decimal? tkdn, decimal? bmp, DateOnly? expiresOn, DateOnly day) =>
        kind == CertificationKind.Tkdn
        && (expiresOn is null || expiresOn >= day)
        && tkdn is { } local
        && local >= PdnMinimumTkdn
        && local + (bmp ?? 0m) >= PdnMinimumTkdnPlusBmp;
}
