namespace LocalProducts.Web.Domain.QrCodes;

/// A short code printed on packaging, a stand or a poster. `/q/{code}` counts the scan and
/// redirects to the product, maker or event page. One code per thing, made the first time an
/// owner or staff prints it, and never reused: a printed code keeps working.
public sealed class QrCode
{
    public const int CodeLength = 7;

    public int Id { get; private set; }
    /// Lower-case letters and digits without look-alikes (no 0/o, 1/l/i), so it can be typed.
    public required string Code { get; init; }
    public QrTargetKind TargetKind { get; init; }
    public int TargetId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
