namespace LocalProducts.Web.Domain.Melokal;

public enum ImportState
{
    /// Uploaded; an instance will check it.
    Queued = 1,
    Checking = 2,
    /// Checked, with bad rows: staff choose to import the good rows or to cancel.
    NeedsDecision = 3,
    /// Checked and chosen: the rows are being written.
    Importing = 4,
    Done = 5,
    Cancelled = 6,
    /// The file could not be read at all (encoding, columns): nothing imported.
    Failed = 7,
}

/// A CSV of posts and their figures uploaded by staff for a round. Kept in the database so that
/// any instance can check and import it, and any instance can show its progress.
public sealed class MetricImport
{
    public const int FileNameMaxLength = 200;
    /// Problems kept for the report; past this only the count grows.
    public const int MaxProblemsKept = 1_000;

    public int Id { get; private set; }
    public int RoundId { get; init; }
    public required string FileName { get; init; }
    /// Hex SHA-256 of the file: the report says when the same file was imported before.
    public required string FileSha256 { get; init; }
    public required byte[] Content { get; init; }
    public long ContentLength { get; init; }
    /// What the import found: "UTF-8 (BOM)", "Windows-1252"; "," or ";"; "1.234" or "1,234".
    public string? DetectedEncoding { get; set; }
    public string? DetectedSeparator { get; set; }
    public string? DetectedNumberFormat { get; set; }
    public ImportState State { get; set; } = ImportState.Queued;
    public int TotalRows { get; set; }
    /// Rows checked or written so far, for the progress bar.
    public int ProcessedRows { get; set; }
    public int GoodRows { get; set; }
    public int BadRows { get; set; }
    public int WarningRows { get; set; }
    public int NewPosts { get; set; }
    public int NewSnapshots { get; set; }
    /// Rows whose post and time were already stored: added nothing.
    public int AlreadyStored { get; set; }
    /// Staff chose to import the good rows of a file with bad ones.
    public bool ImportGoodRows { get; set; }
    /// What made the whole file unreadable (State Failed).
    public ImportProblem? FileProblem { get; set; }
    public List<ImportProblem> Problems { get; set; } = [];
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// Set by the instance working on it; a stale heartbeat lets another instance take over.
    public DateTimeOffset? HeartbeatAt { get; set; }
    public uint Version { get; private set; }

    public bool IsWorking => State is ImportState.Queued or ImportState.Checking or ImportState.Importing;

    /// Whole per cent of the rows done, for the progress bar.
    public int PercentDone => TotalRows == 0 ? (IsWorking ? 0 : 100) : (int)Math.Min(100, ProcessedRows * 100L / TotalRows);
}

public enum ProblemSeverity
{
    /// The row is not imported.
    Error = 1,
    /// The row is imported; the report says what to know about it.
    Warning = 2,
}

/// What is wrong with a row (or the file); the page words it in the reader's language.
public enum ImportProblemKind
{
    MissingColumns = 1,
    UnknownColumns = 2,
    UnreadableEncoding = 3,
    EmptyFile = 4,
    WrongFieldCount = 5,
    MissingValue = 6,
    NotANumber = 7,
    NegativeNumber = 8,
    NotADate = 9,
    UnknownPlatform = 10,
    PlatformNotCounted = 11,
    UrlNotOfPlatform = 12,
    UnknownInfluencer = 13,
    InfluencerNotApproved = 14,
    UnknownProduct = 15,
    DuplicateRow = 16,
    SharedUrl = 17,
    OutsideWindow = 18,
    FollowersZeroOrMissing = 19,
    CountHidden = 20,
    TooManyRows = 21,
    PostedAfterSnapshot = 22,
    NumberTooLarge = 23,
    /// The import stopped on an unexpected error: nothing was written.
    ImportFailed = 24,
    /// The round stopped taking posts before the file was checked.
    RoundClosed = 25,
}

/// One problem: the line of the file (1 is the header), the column and the value as typed.
public sealed class ImportProblem
{
    public int Line { get; set; }
    public ImportProblemKind Kind { get; set; }
    public ProblemSeverity Severity { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
}
