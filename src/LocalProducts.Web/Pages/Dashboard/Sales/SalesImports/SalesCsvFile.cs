using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

namespace LocalProducts.Web.Pages.Dashboard.Sales.SalesImports;

/// An owner's sales CSV as read, before its rows are checked. <see cref="Problem"/> is set when the
/// file cannot be read at all (encoding, columns): nothing of it is imported.
public sealed class SalesCsvFile
{
    public string? Encoding { get; init; }
    public string? Separator { get; init; }
    public string? NumberFormat { get; init; }
    /// A message key ({0} is <see cref="ProblemValue"/>) for the whole file.
    public string? Problem { get; init; }
    public string? ProblemValue { get; init; }
    public IReadOnlyList<string> Header { get; init; } = [];
    public IReadOnlyDictionary<SalesColumn, int> Columns { get; init; } = new Dictionary<SalesColumn, int>();
    public IReadOnlyList<CsvRecord> Records { get; init; } = [];
}
