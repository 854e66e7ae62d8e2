namespace LocalProducts.Web.Domain.QrCodes;

/// How many times one code was scanned on one day (WIB). Counted without cookies or anything
/// about the person scanning.
public sealed class QrScanDay
{
    public int QrCodeId { get; init; }
    public DateOnly Day { get; init; }
    public int Scans { get; set; }
}
