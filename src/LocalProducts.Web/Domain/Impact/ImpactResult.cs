namespace LocalProducts.Web.Domain.Impact;

/// One published or withheld cell (category × baseline, campaign period or month) of the panel.
/// A withheld cell carries its reason and no figures, so nothing downstream can show them.
public sealed record ImpactCell(int? Ikm, double? Revenue, double? Units, int Days, WithheldReason? Withheld)
{
    public bool IsPublished => Withheld is null;
    public double? RevenuePerDay => Revenue / Days;
    public double? UnitsPerDay => Units / Days;

    public static ImpactCell Published(int ikm, double revenue, double units, int days) => new(ikm, revenue, units, days, null);

    public static ImpactCell WithheldFor(WithheldReason reason, int days) => new(null, null, null, days, reason);
}

/// One category's figures over its panel (the IKM that reported in both the baseline and the
/// campaign period). Counts in its group's total only when both its period cells are published.
public sealed record CategoryImpact(
    int CategoryId,
    bool IsCovered,
    int? PanelIkm,
    ImpactCell Baseline,
    ImpactCell During,
    IReadOnlyList<ImpactCell> Months)
{
    public bool CountsInTotal => Baseline.IsPublished && During.IsPublished;

    /// During ÷ baseline − 1 in average daily revenue; null when withheld or the baseline is zero.
    public double? Change => CountsInTotal ? ImpactCalculator.Change(Baseline.RevenuePerDay, During.RevenuePerDay) : null;
}

/// Growth from one month to the next before the campaign, over the panel IKM that reported in
/// both months.
public sealed record MonthGrowth(DateOnly From, DateOnly To, int? Ikm, double? Growth, WithheldReason? Withheld);

/// The covered (or the control) categories together. Totals, monthly figures and growth are
/// computed from the categories that count in the total only, so no withheld cell is in them.
public sealed record GroupImpact(
    IReadOnlyList<CategoryImpact> Categories,
    int PanelIkm,
    double? BaselinePerDay,
    double? DuringPerDay,
    IReadOnlyList<ImpactCell> Months,
    IReadOnlyList<MonthGrowth> Growth)
{
    public IEnumerable<CategoryImpact> Counted => Categories.Where(c => c.CountsInTotal);

    public double? Change => ImpactCalculator.Change(BaselinePerDay, DuringPerDay);

    /// The geometric mean of (1 + g) over the published pairs, minus 1.
    public double? AverageMonthlyGrowth
    {
        get
        {
            var published = Growth.Where(g => g.Growth is not null).Select(g => g.Growth!.Value).ToList();
            return published.Count == 0 || published.Any(g => g <= -1)
                ? null
                : Math.Pow(published.Aggregate(1.0, (product, g) => product * (1 + g)), 1.0 / published.Count) - 1;
        }
    }

    public int PublishedGrowthPairs => Growth.Count(g => g.Growth is not null);
}

/// A campaign's impact: the covered categories, the control categories over the same dates, and
/// the difference between their changes (difference-in-differences), in percentage points.
public sealed record ImpactResult(ImpactSetup Setup, GroupImpact Covered, GroupImpact Control)
{
    public double? DifferencePoints => Covered.Change is { } covered && Control.Change is { } control ? (covered - control) * 100 : null;

    /// Whether any counted report of a covered category fell in the buckets at all.
    public bool HasReports { get; init; } = true;
}
