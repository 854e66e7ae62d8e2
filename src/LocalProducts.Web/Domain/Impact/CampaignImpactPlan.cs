namespace LocalProducts.Web.Domain.Impact;

public enum ImpactPlanProblem
{
    NoCoveredCategory = 1,
    PeriodEndsBeforeItStarts,
    BaselineEndsBeforeItStarts,
    BaselineNotBeforePeriod,
    PeriodTooLong,
    BaselineTooLong,
    CategoryBothCoveredAndControl,
    PreCampaignMonthsOutOfRange,
}

/// What staff chose for a campaign's impact page: the categories the campaign covers, its
/// period, the baseline period before it, and the control categories (none chosen: every other
/// category with reports). The figures themselves are always computed from the sales reports.
public sealed class CampaignImpactPlan
{
    public const int MaxPeriodDays = 366;
    public const int DefaultPreCampaignMonths = 6;
    public const int NoteMaxLength = 2_000;

    public int CampaignId { get; private set; }
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public DateOnly BaselineStart { get; private set; }
    public DateOnly BaselineEnd { get; private set; }
    /// Whole months before the campaign's first month over which month-on-month growth is shown.
    public int PreCampaignMonths { get; private set; } = DefaultPreCampaignMonths;
    public List<int> CoveredCategoryIds { get; private set; } = [];
    public List<int> ControlCategoryIds { get; private set; } = [];
    /// Staff's words on the page beside the method (markdown-free plain text).
    public string? Note { get; private set; }
    /// Off: only staff see the page (while they set it up).
    public bool IsPublished { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedBy { get; private set; }
    public uint Version { get; private set; }

    public int PeriodDays => PeriodEnd.DayNumber - PeriodStart.DayNumber + 1;
    public int BaselineDays => BaselineEnd.DayNumber - BaselineStart.DayNumber + 1;

    public static CampaignImpactPlan For(int campaignId) => new() { CampaignId = campaignId };

    public static ImpactPlanProblem? Problem(
        DateOnly periodStart, DateOnly periodEnd, DateOnly baselineStart, DateOnly baselineEnd,
        IReadOnlyCollection<int> covered, IReadOnlyCollection<int> control, int preCampaignMonths) =>
        covered.Count == 0 ? ImpactPlanProblem.NoCoveredCategory
        : periodEnd < periodStart ? ImpactPlanProblem.PeriodEndsBeforeItStarts
        : baselineEnd < baselineStart ? ImpactPlanProblem.BaselineEndsBeforeItStarts
        : baselineEnd >= periodStart ? ImpactPlanProblem.BaselineNotBeforePeriod
        : periodEnd.DayNumber - periodStart.DayNumber >= MaxPeriodDays ? ImpactPlanProblem.PeriodTooLong
        : baselineEnd.DayNumber - baselineStart.DayNumber >= MaxPeriodDays ? ImpactPlanProblem.BaselineTooLong
        : covered.Intersect(control).Any() ? ImpactPlanProblem.CategoryBothCoveredAndControl
        : preCampaignMonths is < 2 or > 24 ? ImpactPlanProblem.PreCampaignMonthsOutOfRange
        : null;

    public void Change(
        DateOnly periodStart, DateOnly periodEnd, DateOnly baselineStart, DateOnly baselineEnd,
        IEnumerable<int> covered, IEnumerable<int> control, int preCampaignMonths, string? note, bool publish,
        DateTimeOffset now, Guid by)
    {
        var coveredIds = covered.Distinct().Order().ToList();
        var controlIds = control.Distinct().Order().ToList();
        if (Problem(periodStart, periodEnd, baselineStart, baselineEnd, coveredIds, controlIds, preCampaignMonths) is { } problem)
        {
            throw new ArgumentException(problem.ToString());
        }
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        BaselineStart = baselineStart;
        BaselineEnd = baselineEnd;
        CoveredCategoryIds = coveredIds;
        ControlCategoryIds = controlIds;
        PreCampaignMonths = preCampaignMonths;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        IsPublished = publish;
        UpdatedAt = now.ToUniversalTime();
        UpdatedBy = by;
    }
}
