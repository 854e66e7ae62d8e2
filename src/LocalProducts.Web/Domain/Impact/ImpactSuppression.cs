namespace LocalProducts.Web.Domain.Impact;

/// Why a cell is not published.
public enum WithheldReason
{
    /// Fewer than <see cref="ImpactSuppression.MinimumIkm"/> IKM reported in it.
    FewIkm = 1,
    /// The two largest IKM make more than <see cref="ImpactSuppression.DominanceLimit"/> of it.
    Concentrated = 2,
    /// A period whose month is withheld: the period minus the published months would reveal it.
    OverlapsWithheldMonth = 3,
}

/// The rule that keeps a single IKM's sales out of every published figure: a cell (category ×
/// period or month) is withheld when fewer than 5 IKM report in it, or when the two largest IKM
/// make more than 85 % of its revenue.
public static class ImpactSuppression
{
    public const int MinimumIkm = 5;
    public const double DominanceLimit = 0.85;

    /// The reason to withhold a cell made of these IKM's revenues, or null to publish it.
    public static WithheldReason? Check(IReadOnlyCollection<double> revenueByIkm)
    {
        if (revenueByIkm.Count < MinimumIkm)
        {
            return WithheldReason.FewIkm;
        }
        var total = revenueByIkm.Sum();
        if (total <= 0)
        {
            return null;
        }
        var largestTwo = revenueByIkm.OrderDescending().Take(2).Sum();
        return largestTwo > total * DominanceLimit ? WithheldReason.Concentrated : null;
    }
}
