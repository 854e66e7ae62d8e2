namespace LocalProducts.Web.Domain.Impact;

/// The periods and categories one impact computation reads: the baseline, the campaign period,
/// and the calendar months of the series (the pre-campaign months, then the campaign's months).
/// Buckets are numbered for the sums: 0 the baseline, 1 the campaign period, 2 + i month i.
public sealed record ImpactSetup(
    DateOnly BaselineStart,
    DateOnly BaselineEnd,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int PreCampaignMonths,
    IReadOnlyList<int> Covered,
    IReadOnlyList<int> Control)
{
    public const int BaselineBucket = 0;
    public const int CampaignBucket = 1;
    public const int FirstMonthBucket = 2;

    /// The first day of each month of the series, oldest first: PreCampaignMonths months before the
    /// campaign's first month, then every month the campaign touches.
    public IReadOnlyList<DateOnly> Months => MonthsOf(PeriodStart, PeriodEnd, PreCampaignMonths);

    public int BaselineDays => BaselineEnd.DayNumber - BaselineStart.DayNumber + 1;
    public int PeriodDays => PeriodEnd.DayNumber - PeriodStart.DayNumber + 1;

    public static ImpactSetup For(CampaignImpactPlan plan, IReadOnlyList<int> control) =>
        new(plan.BaselineStart, plan.BaselineEnd, plan.PeriodStart, plan.PeriodEnd, plan.PreCampaignMonths, plan.CoveredCategoryIds, control);

    public static int MonthBucket(int month) => FirstMonthBucket + month;

    public static DateOnly MonthEnd(DateOnly monthStart) => monthStart.AddMonths(1).AddDays(-1);

    public static int DaysIn(DateOnly monthStart) => MonthEnd(monthStart).Day;

    /// Every bucket as (first day, last day), in bucket order.
    public IReadOnlyList<(DateOnly Start, DateOnly End)> Buckets() =>
        [(BaselineStart, BaselineEnd), (PeriodStart, PeriodEnd), .. Months.Select(m => (m, MonthEnd(m)))];

    /// The earliest and latest day any bucket covers.
    public (DateOnly First, DateOnly Last) Span()
    {
        var buckets = Buckets();
        return (buckets.Min(b => b.Start), buckets.Max(b => b.End));
    }

    private static List<DateOnly> MonthsOf(DateOnly periodStart, DateOnly periodEnd, int before)
    {
        var first = new DateOnly(periodStart.Year, periodStart.Month, 1).AddMonths(-before);
        var last = new DateOnly(periodEnd.Year, periodEnd.Month, 1);
        var months = new List<DateOnly>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
        }
        return months;
    }
}

/// What one IKM reported (counted reports only) in one category and one bucket: revenue and
/// units, a monthly report pro-rated to the days of its month inside the bucket. A row exists
/// when the IKM reported at all, zero included.
public readonly record struct ImpactSums(int IkmId, int CategoryId, int Bucket, double Revenue, double Units);
