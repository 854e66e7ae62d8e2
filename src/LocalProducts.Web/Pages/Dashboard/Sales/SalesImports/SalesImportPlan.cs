using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// A file's rows checked against the IKM's products and stored reports: what the good rows write,
/// and every bad row's problems.
public sealed class SalesImportPlan
{
    public required IReadOnlyList<PlannedSale> Rows { get; init; }
    public required IReadOnlyList<SalesImportProblem> Problems { get; init; }
    public int TotalRows { get; init; }
    public int BadRows { get; init; }
}
