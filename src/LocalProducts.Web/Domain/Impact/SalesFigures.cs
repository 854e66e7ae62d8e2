namespace LocalProducts.Web.Domain.Impact;

public enum SalesFigureProblem
{
    NegativeUnits = 1,
    NegativeRevenue,
    TooManyUnits,
    RevenueTooLarge,
    /// Units sold with no revenue, or revenue with no units.
    UnitsWithoutRevenue,
    RevenueWithoutUnits,
    /// More than Rp 1 miliar a unit: a typo of extra zeros, not an IKM's product.
    PricePerUnitTooHigh,
}

/// What a report's figures may be. Zero units and zero revenue is a real report ("nothing sold").
public static class SalesFigures
{
    public const int MaxUnits = 10_000_000;
    /// Rp 50 miliar: a medium industry's yearly sales at most (PP 7/2021); no single report is more.
    public const long MaxRevenueRupiah = 50_000_000_000;
    public const long MaxPricePerUnitRupiah = 1_000_000_000;

    public static SalesFigureProblem? Problem(long units, long revenueRupiah) =>
        units < 0 ? SalesFigureProblem.NegativeUnits
        : revenueRupiah < 0 ? SalesFigureProblem.NegativeRevenue
        : units > MaxUnits ? SalesFigureProblem.TooManyUnits
        : revenueRupiah > MaxRevenueRupiah ? SalesFigureProblem.RevenueTooLarge
        : units > 0 && revenueRupiah == 0 ? SalesFigureProblem.UnitsWithoutRevenue
        : units == 0 && revenueRupiah > 0 ? SalesFigureProblem.RevenueWithoutUnits
        : units > 0 && revenueRupiah / units > MaxPricePerUnitRupiah ? SalesFigureProblem.PricePerUnitTooHigh
        : null;
}

public enum SalesPeriodProblem
{
    InTheFuture = 1,
    TooOld,
}

/// Which days a report may be for.
public static class SalesPeriod
{
    public static readonly DateOnly Earliest = new(2015, 1, 1);

    /// A monthly report is for the month's first day, whatever day was given.
    public static DateOnly Start(SalesPeriodKind kind, DateOnly day) =>
        kind == SalesPeriodKind.Monthly ? new DateOnly(day.Year, day.Month, 1) : day;

    /// A day not yet begun in WIB, or a month not yet begun, cannot be reported.
    public static SalesPeriodProblem? Problem(SalesPeriodKind kind, DateOnly day, DateOnly todayWib) =>
        Start(kind, day) > todayWib ? SalesPeriodProblem.InTheFuture
        : day < Earliest ? SalesPeriodProblem.TooOld
        : null;
}
