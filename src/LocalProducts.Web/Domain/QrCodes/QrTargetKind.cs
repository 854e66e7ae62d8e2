namespace LocalProducts.Web.Domain.QrCodes;

/// What a printed QR code leads to.
public enum QrTargetKind
{
    Product = 1,
    Ikm = 2,
    Event = 3,
}
