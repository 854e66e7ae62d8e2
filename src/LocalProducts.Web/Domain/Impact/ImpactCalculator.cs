namespace LocalProducts.Web.Domain.Impact;

/// Turns per-IKM sums into the published figures. Per category, only the IKM that reported in
/// both the baseline and the campaign period count (the panel), for every figure of that
/// category. Average daily sales of a period = panel revenue in it ÷ its days; change =
/// during ÷ baseline − 1. Cells are checked by <see cref="ImpactSuppression"/>; a period cell is
/// also withheld when a month of the series it overlaps is withheld; totals, monthly figures and
/// growth use only the categories whose period cells are both published, so subtracting the
/// published parts from a total never gives a withheld cell.
public static class ImpactCalculator
{
    public static ImpactResult Compute(ImpactSetup setup, IEnumerable<ImpactSums> sums)
    {
        var byCategory = new Dictionary<int, Dictionary<int, Dictionary<int, (double Revenue, double Units)>>>();
        foreach (var s in sums)
        {
            if (!byCategory.TryGetValue(s.CategoryId, out var buckets))
            {
                byCategory[s.CategoryId] = buckets = [];
            }
            if (!buckets.TryGetValue(s.Bucket, out var ikms))
            {
                buckets[s.Bucket] = ikms = [];
            }
            var before = ikms.GetValueOrDefault(s.IkmId);
            ikms[s.IkmId] = (before.Revenue + s.Revenue, before.Units + s.Units);
        }
        var covered = Group(setup, setup.Covered.Select(id => Category(setup, id, true, byCategory.GetValueOrDefault(id))).ToList());
        var control = Group(setup, setup.Control.Select(id => Category(setup, id, false, byCategory.GetValueOrDefault(id))).ToList());
        return new ImpactResult(setup, covered, control) { HasReports = setup.Covered.Any(byCategory.ContainsKey) };
    }

    public static double? Change(double? baseline, double? during) =>
        baseline is > 0 && during is { } d ? d / baseline.Value - 1 : null;

    private sealed record Work(CategoryImpact Impact, HashSet<int> Panel, Dictionary<int, Dictionary<int, (double Revenue, double Units)>> Buckets);

    private static Work Category(ImpactSetup setup, int categoryId, bool isCovered, Dictionary<int, Dictionary<int, (double Revenue, double Units)>>? buckets)
    {
        buckets ??= [];
        var baselineIkm = buckets.GetValueOrDefault(ImpactSetup.BaselineBucket)?.Keys ?? (IEnumerable<int>)[];
        var campaignIkm = buckets.GetValueOrDefault(ImpactSetup.CampaignBucket)?.Keys ?? (IEnumerable<int>)[];
        var panel = baselineIkm.Intersect(campaignIkm).ToHashSet();

        var months = setup.Months.Select((m, i) => Cell(buckets.GetValueOrDefault(ImpactSetup.MonthBucket(i)), panel, ImpactSetup.DaysIn(m))).ToList();
        var baseline = Period(setup, months, Cell(buckets.GetValueOrDefault(ImpactSetup.BaselineBucket), panel, setup.BaselineDays), setup.BaselineStart, setup.BaselineEnd);
        var during = Period(setup, months, Cell(buckets.GetValueOrDefault(ImpactSetup.CampaignBucket), panel, setup.PeriodDays), setup.PeriodStart, setup.PeriodEnd);
        var impact = new CategoryImpact(categoryId, isCovered, baseline.IsPublished && during.IsPublished ? panel.Count : null, baseline, during, months);
        return new Work(impact, panel, buckets);
    }

    /// The panel's part of one bucket, checked by the suppression rule.
    private static ImpactCell Cell(Dictionary<int, (double Revenue, double Units)>? ikms, HashSet<int> panel, int days)
    {
        var rows = ikms?.Where(pair => panel.Contains(pair.Key)).Select(pair => pair.Value).ToList() ?? [];
        return ImpactSuppression.Check(rows.Select(r => r.Revenue).ToList()) is { } reason
            ? ImpactCell.WithheldFor(reason, days)
            : ImpactCell.Published(rows.Count, rows.Sum(r => r.Revenue), rows.Sum(r => r.Units), days);
    }

    /// A published period cell is withheld after all when a month of the series it overlaps is.
    private static ImpactCell Period(ImpactSetup setup, List<ImpactCell> months, ImpactCell cell, DateOnly start, DateOnly end)
    {
        if (!cell.IsPublished)
        {
            return cell;
        }
        var firstDays = setup.Months;
        for (var i = 0; i < firstDays.Count; i++)
        {
            if (!months[i].IsPublished && firstDays[i] <= end && ImpactSetup.MonthEnd(firstDays[i]) >= start)
            {
                return ImpactCell.WithheldFor(WithheldReason.OverlapsWithheldMonth, cell.Days);
            }
        }
        return cell;
    }

    private static GroupImpact Group(ImpactSetup setup, List<Work> categories)
    {
        var counted = categories.Where(c => c.Impact.CountsInTotal).ToList();
        var panelIkm = counted.SelectMany(c => c.Panel).Distinct().Count();
        double? baseline = counted.Count == 0 ? null : counted.Sum(c => c.Impact.Baseline.Revenue!.Value) / setup.BaselineDays;
        double? during = counted.Count == 0 ? null : counted.Sum(c => c.Impact.During.Revenue!.Value) / setup.PeriodDays;

        var months = new List<ImpactCell>();
        var firstDays = setup.Months;
        for (var i = 0; i < firstDays.Count; i++)
        {
            var days = ImpactSetup.DaysIn(firstDays[i]);
            if (counted.Count == 0)
            {
                months.Add(ImpactCell.WithheldFor(WithheldReason.FewIkm, days));
                continue;
            }
            var cells = counted.Select(c => c.Impact.Months[i]).ToList();
            // A month of the group is withheld whole when any of its categories' months is: the
            // group figure minus the other categories' published figures would reveal it.
            months.Add(cells.FirstOrDefault(c => !c.IsPublished) is { } withheld
                ? ImpactCell.WithheldFor(withheld.Withheld!.Value, days)
                : ImpactCell.Published(
                    counted.SelectMany(c => c.Buckets.GetValueOrDefault(ImpactSetup.MonthBucket(i))?.Keys.Where(c.Panel.Contains) ?? []).Distinct().Count(),
                    cells.Sum(c => c.Revenue!.Value), cells.Sum(c => c.Units!.Value), days));
        }

        var growth = new List<MonthGrowth>();
        for (var i = 0; i + 1 < setup.PreCampaignMonths && i + 1 < firstDays.Count; i++)
        {
            growth.Add(Growth(firstDays, counted, months, i));
        }
        return new GroupImpact([.. categories.Select(c => c.Impact)], panelIkm, baseline, during, months, growth);
    }

    /// Growth from month i to month i + 1 over the panel IKM of the counted categories that
    /// reported in both months; withheld when either month is, or when those IKM's part of
    /// either month fails the suppression rule in any category.
    private static MonthGrowth Growth(IReadOnlyList<DateOnly> firstDays, List<Work> counted, List<ImpactCell> months, int i)
    {
        var from = firstDays[i];
        var to = firstDays[i + 1];
        if (counted.Count == 0)
        {
            return new MonthGrowth(from, to, null, null, WithheldReason.FewIkm);
        }
        if ((months[i].Withheld ?? months[i + 1].Withheld) is { } monthReason)
        {
            return new MonthGrowth(from, to, null, null, monthReason);
        }
        double before = 0;
        double after = 0;
        var ikms = new HashSet<int>();
        foreach (var category in counted)
        {
            var first = category.Buckets.GetValueOrDefault(ImpactSetup.MonthBucket(i)) ?? [];
            var second = category.Buckets.GetValueOrDefault(ImpactSetup.MonthBucket(i + 1)) ?? [];
            var pair = category.Panel.Where(id => first.ContainsKey(id) && second.ContainsKey(id)).ToList();
            var reason = ImpactSuppression.Check(pair.Select(id => first[id].Revenue).ToList())
                ?? ImpactSuppression.Check(pair.Select(id => second[id].Revenue).ToList());
            if (reason is not null)
            {
                return new MonthGrowth(from, to, null, null, reason);
            }
            before += pair.Sum(id => first[id].Revenue);
            after += pair.Sum(id => second[id].Revenue);
            ikms.UnionWith(pair);
        }
        var change = Change(before / ImpactSetup.DaysIn(from), after / ImpactSetup.DaysIn(to));
        return new MonthGrowth(from, to, ikms.Count, change, null);
    }
}
