namespace LocalProducts.Web.Domain.Impact;

/// Where the sales happened: each marketplace, WhatsApp (and other chat), offline, the IKM's own site.
public enum SalesChannel
{
    Tokopedia = 1,
    Shopee = 2,
    Bukalapak = 3,
    Blibli = 4,
    Lazada = 5,
    TikTokShop = 6,
    WhatsApp = 20,
    Offline = 21,
    Website = 22,
    Other = 29,
}

public enum SalesPeriodKind
{
    Daily = 1,
    Monthly = 2,
}

public enum SalesReportState
{
    /// Counts in the owner's charts and in the campaigns' impact.
    Counted = 1,
    /// Far outside the IKM's own history: counts only once staff accept it.
    HeldForReview = 2,
    /// Staff judged a held report wrong; the owner can correct it.
    Rejected = 3,
}

/// What one IKM sold of one product (or one category) through one channel in one day or one
/// month. One row per such key holds the latest figures; every version is kept in
/// <see cref="Revisions"/>.
public sealed class SalesReport
{
    public const int ReasonMaxLength = 300;

    private readonly List<SalesReportRevision> _revisions = [];

    public long Id { get; private set; }
    public int IkmId { get; private set; }
    /// Null when the owner reports a whole category.
    public int? ProductId { get; private set; }
    /// The product's category, or the category reported.
    public int CategoryId { get; private set; }
    public SalesChannel Channel { get; private set; }
    public SalesPeriodKind PeriodKind { get; private set; }
    /// The day, or the first day of the month.
    public DateOnly PeriodStart { get; private set; }
    public int Units { get; private set; }
    public long RevenueRupiah { get; private set; }
    public SalesReportState State { get; private set; }
    /// Why the report was held (the figures the rule saw), for the owner and staff.
    public string? HoldReason { get; private set; }
    /// Staff's word on a rejected report.
    public string? ReviewNote { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public Guid? ReviewedBy { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }
    /// The CSV import that last wrote it, when one did.
    public int? ImportId { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<SalesReportRevision> Revisions => _revisions;

    public DateOnly PeriodEnd => PeriodKind == SalesPeriodKind.Daily ? PeriodStart : PeriodStart.AddMonths(1).AddDays(-1);
    public int Days => PeriodEnd.DayNumber - PeriodStart.DayNumber + 1;
    public bool Counts => State == SalesReportState.Counted;
    public double RevenuePerDay => (double)RevenueRupiah / Days;

    /// A new report. The caller has checked the figures (<see cref="SalesFigures.Problem"/>) and the
    /// period (<see cref="SalesPeriod.Problem"/>), and asked <see cref="SalesOutlierRule"/>.
    public static SalesReport Create(
        int ikmId, int? productId, int categoryId, SalesChannel channel, SalesPeriodKind kind, DateOnly periodStart,
        int units, long revenueRupiah, string? holdReason, DateTimeOffset now, Guid? by, int? importId = null)
    {
        var report = new SalesReport
        {
            IkmId = ikmId,
            ProductId = productId,
            CategoryId = categoryId,
            Channel = channel,
            PeriodKind = kind,
            PeriodStart = SalesPeriod.Start(kind, periodStart),
            ReportedAt = now.ToUniversalTime(),
        };
        report.Write(units, revenueRupiah, holdReason, null, now, by, importId);
        return report;
    }

    /// The owner (or an import) corrects the figures: the latest counts, the old ones stay in the
    /// history. Returns false when nothing changed (the same file twice adds nothing twice).
    public bool Correct(int units, long revenueRupiah, string? holdReason, string? reason, DateTimeOffset now, Guid? by, int? importId = null)
    {
        if (units == Units && revenueRupiah == RevenueRupiah && State != SalesReportState.Rejected)
        {
            return false;
        }
        Write(units, revenueRupiah, holdReason, reason, now, by, importId);
        return true;
    }

    /// Staff accept a held report: it counts from now on.
    public void Accept(DateTimeOffset now, Guid by)
    {
        if (State != SalesReportState.HeldForReview)
        {
            throw new InvalidOperationException("Only a held report can be accepted.");
        }
        Review(SalesReportState.Counted, null, now, by);
    }

    /// Staff refuse a held report with a reason the owner reads; it does not count until corrected.
    public void Reject(string note, DateTimeOffset now, Guid by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (State != SalesReportState.HeldForReview)
        {
            throw new InvalidOperationException("Only a held report can be rejected.");
        }
        Review(SalesReportState.Rejected, note.Trim(), now, by);
    }

    private void Review(SalesReportState state, string? note, DateTimeOffset now, Guid by)
    {
        State = state;
        ReviewNote = note;
        ReviewedAt = now.ToUniversalTime();
        ReviewedBy = by;
        _revisions.Add(new SalesReportRevision(Units, RevenueRupiah, state, note, ReviewedAt.Value, by));
    }

    private void Write(int units, long revenueRupiah, string? holdReason, string? reason, DateTimeOffset now, Guid? by, int? importId)
    {
        if (SalesFigures.Problem(units, revenueRupiah) is { } problem)
        {
            throw new ArgumentException(problem.ToString());
        }
        Units = units;
        RevenueRupiah = revenueRupiah;
        State = holdReason is null ? SalesReportState.Counted : SalesReportState.HeldForReview;
        HoldReason = holdReason;
        ReviewNote = null;
        ReviewedAt = null;
        ReviewedBy = null;
        UpdatedAt = now.ToUniversalTime();
        UpdatedBy = by;
        ImportId = importId;
        _revisions.Add(new SalesReportRevision(units, revenueRupiah, State, reason?.Trim() is { Length: > 0 } r ? r : null, UpdatedAt, by));
    }
}

/// One version of a report, kept when it is corrected or reviewed.
public sealed class SalesReportRevision
{
    private SalesReportRevision()
    {
    }

    public SalesReportRevision(int units, long revenueRupiah, SalesReportState state, string? reason, DateTimeOffset at, Guid? by)
    {
        Units = units;
        RevenueRupiah = revenueRupiah;
        State = state;
        Reason = reason;
        At = at;
        By = by;
    }

    public long Id { get; private set; }
    public long ReportId { get; private set; }
    public int Units { get; private set; }
    public long RevenueRupiah { get; private set; }
    public SalesReportState State { get; private set; }
    public string? Reason { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? By { get; private set; }
}
