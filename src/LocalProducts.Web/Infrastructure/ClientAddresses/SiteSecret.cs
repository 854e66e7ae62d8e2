namespace LocalProducts.Web.Infrastructure.ClientAddresses;

/// A secret of the site, stored encrypted with the Data Protection key ring: every instance reads
/// the same one, and the table alone does not give it away.
public sealed class SiteSecret
{
    public required string Name { get; init; }
    public required string ProtectedValue { get; set; }
}
