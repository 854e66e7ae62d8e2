namespace LocalProducts.Web.Domain.Impact;

public enum SalesImportState
{
    /// Read and checked, with bad rows: the owner chooses to import the good rows or to cancel.
    NeedsDecision = 1,
    Done = 2,
    Cancelled = 3,
    /// The file could not be read at all (encoding, columns): nothing imported.
    Failed = 4,
}

/// A CSV of sales reports uploaded by an IKM owner. The file is kept until the owner decides, so
/// the decision can come from any instance.
public sealed class SalesImport
{
    public const int FileNameMaxLength = 200;
    public const int MaxProblemsKept = 500;
    /// An owner's file: a few years of daily rows per product at most.
    public const int MaxBytes = 5 * 1024 * 1024;

    public int Id { get; private set; }
    public int IkmId { get; init; }
    public required string FileName { get; init; }
    /// Hex SHA-256 of the file: the page says when the same file was imported before.
    public required string FileSha256 { get; init; }
    public required byte[] Content { get; init; }
    public string? DetectedEncoding { get; set; }
    public string? DetectedSeparator { get; set; }
    public string? DetectedNumberFormat { get; set; }
    public SalesImportState State { get; set; } = SalesImportState.NeedsDecision;
    public int TotalRows { get; set; }
    public int GoodRows { get; set; }
    public int BadRows { get; set; }
    public int NewReports { get; set; }
    public int CorrectedReports { get; set; }
    public int HeldReports { get; set; }
    /// Rows whose figures were already stored: added nothing.
    public int AlreadyStored { get; set; }
    /// A message key and its values when the whole file was unreadable.
    public string? FileProblem { get; set; }
    /// "line 12: kolom unit bukan angka" rows, as shown to the owner (JSON).
    public List<SalesImportProblem> Problems { get; set; } = [];
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
    public uint Version { get; private set; }
}

/// One bad row: its line in the file, the column, and a message key with its value.
public sealed class SalesImportProblem
{
    public int Line { get; set; }
    public string? Column { get; set; }
    public required string Message { get; set; }
    public string? Value { get; set; }
}
