using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// A CSV file as read, before its rows are checked: what was detected, the header and the records
/// with the line each starts on (1 is the header). <see cref="Problem"/> is set when the file
/// cannot be read at all.
public sealed class CsvFile
{
    public string? Encoding { get; init; }
    public string? Separator { get; init; }
    public string? NumberFormat { get; init; }
    public ImportProblem? Problem { get; init; }
    public IReadOnlyList<string> Header { get; init; } = [];
    /// Where each known column is in a record.
    public IReadOnlyDictionary<MetricColumn, int> Columns { get; init; } = new Dictionary<MetricColumn, int>();
    public IReadOnlyList<CsvRecord> Records { get; init; } = [];
    /// The thousands separators a count may use: '.' for ';' files, ',' for ',' files, both for tabs.
    public string ThousandsSeparators { get; init; } = "";
}

/// One record of the file and the line it starts on.
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
