namespace LocalProducts.Web.Pages.Dashboard.Sales;

/// The report already stored for the same item, channel and period: the page links to it so the
/// owner corrects it instead of reporting twice.
public sealed record ExistingSalesReport(long Id, uint Version) : SavedVersion(Version);
