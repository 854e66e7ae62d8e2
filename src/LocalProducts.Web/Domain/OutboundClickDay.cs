namespace LocalProducts.Web.Domain;

/// How many times shoppers left for one marketplace from one product's page on one day (WIB).
/// Counted without cookies or anything about the shopper.
public sealed class OutboundClickDay
{
    public int ProductId { get; init; }
    public Marketplace Platform { get; init; }
    public DateOnly Day { get; init; }
    public int Clicks { get; set; }
}
