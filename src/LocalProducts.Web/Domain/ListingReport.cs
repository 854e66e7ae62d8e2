namespace LocalProducts.Web.Domain;

/// What a shopper says is wrong with a listing.
public enum ListingReportReason
{
    /// Price, description, maker or region wrong.
    WrongInformation = 1,
    /// Not made by this IKM, or not a local product at all.
    NotGenuine = 2,
    /// A halal, TKDN, SNI or BPOM number that is fake or does not belong to the product.
    FakeCertificate = 3,
    /// A certificate shown as valid that has expired.
    ExpiredCertificate = 4,
    /// Dead marketplace link, product no longer sold, anything else.
    Other = 5,
}

public enum ListingReportState
{
    Open = 1,
    /// Staff acted on it (corrected, hid the listing, asked the owner).
    Resolved = 2,
    /// Staff found nothing wrong.
    Dismissed = 3,
}

/// A shopper's report that a listing is wrong, fake or carries an expired certificate. Anonymous:
/// nothing about the reporter is kept. Staff close it from their queue with a note.
public sealed class ListingReport
{
    public const int DetailsMaxLength = 1000;
    public const int StaffNoteMaxLength = 1000;

    public int Id { get; private set; }
    public int ProductId { get; init; }
    public Product? Product { get; private set; }
    public ListingReportReason Reason { get; init; }
    public string? Details { get; init; }
    public DateTimeOffset ReportedAt { get; init; }
    public ListingReportState State { get; private set; } = ListingReportState.Open;
    public DateTimeOffset? HandledAt { get; private set; }
    public Guid? HandledById { get; private set; }
    public string? StaffNote { get; private set; }
    public uint Version { get; private set; }

    public bool IsOpen => State == ListingReportState.Open;

    /// Staff resolve or dismiss an open report; a closed one stays as it was closed.
    public void Close(ListingReportState outcome, string? note, Guid staffId, DateTimeOffset now)
    {
        if (outcome == ListingReportState.Open)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "A report is closed as resolved or dismissed.");
        }
        if (!IsOpen)
        {
            throw new InvalidOperationException("This report is closed already.");
        }
        State = outcome;
        StaffNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        HandledById = staffId;
        HandledAt = now.ToUniversalTime();
    }
}
