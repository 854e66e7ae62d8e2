namespace LocalProducts.Web.Pages.Charts;

/// How a chart's numbers are written in its table, axis and summary.
public enum ChartValueKind
{
    /// "Rp 25.000".
    Rupiah = 1,
    /// "+57,0 %".
    Percent = 2,
    /// "1.234".
    Count = 3,
}

public enum ChartShape
{
    /// Series over time (months, days): one line per series.
    Line = 1,
    /// One bar per label (and per series when there are several).
    Bar = 2,
}

/// One line or one group of bars. A null value is a withheld (or missing) cell: the chart marks
/// it and the table says why instead of a number.
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, bool IsControl = false);

/// Everything a server-rendered SVG chart needs, and the same numbers as a table: the title, a
/// plain-words summary (the chart's text alternative), the labels along the axis, the series, and
/// what a withheld cell means. Rendered by Pages/Shared/Charts/_Chart.cshtml (partial "Charts/_Chart").
public sealed record Chart(
    string Id,
    string Title,
    string Summary,
    ChartShape Shape,
    ChartValueKind ValueKind,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChartSeries> Series)
{
    /// Shown under the chart when any value is null, e.g. "Disembunyikan: kurang dari 5 IKM melapor".
    public string? WithheldNote { get; init; }
    /// Where the chart's data can be downloaded as CSV (a site-relative path), if it can.
    public string? DownloadPath { get; init; }
    /// The word written for a null value in the table and the legend (already in the reader's
    /// language); null: "disembunyikan" (withheld). An owner's own chart says "belum dilaporkan".
    public string? NullLabel { get; init; }
    /// The table's first column heading (what the labels are: "Bulan", "Produk"); null: "Periode"
    /// for a line chart, "Kelompok" for bars.
    public string? LabelsName { get; init; }
    /// Percent only: write "+" before a rise ("+57 %"). Off for shares ("42 %").
    public bool SignedPercent { get; init; } = true;
    /// More columns for the table only (e.g. month-on-month growth beside the revenue).
    public IReadOnlyList<ChartTableColumn> TableColumns { get; init; } = [];
}

/// A column the table shows beside the series but the chart does not draw. A null is written "–".
public sealed record ChartTableColumn(string Name, ChartValueKind ValueKind, IReadOnlyList<double?> Values);
