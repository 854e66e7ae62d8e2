using LocalProducts.Web.Domain.Impact;

namespace LocalProducts.UnitTests.Domain.Impact;

public sealed class SalesReportTests
{
    private static readonly DateTimeOffset _now = new(2026, 12, 5, 3, 0, 0, TimeSpan.Zero);
    private static readonly Guid _owner = Guid.NewGuid();
    private static readonly Guid _staff = Guid.NewGuid();

    private static SalesReport Report(string? holdReason = null, SalesPeriodKind kind = SalesPeriodKind.Daily) =>
        SalesReport.Create(1, 10, 5, SalesChannel.Shopee, kind, new DateOnly(2026, 11, 17), 12, 1_250_000, holdReason, _now, _owner);

    [Fact]
    public void Create_WithoutHoldReason_Counts_WithOneRevision()
    {
        var report = Report();

        Assert.Equal(SalesReportState.Counted, report.State);
        Assert.True(report.Counts);
        var revision = Assert.Single(report.Revisions);
        Assert.Equal((12, 1_250_000L), (revision.Units, revision.RevenueRupiah));
    }

    [Fact]
    public void Create_Monthly_StartsOnTheFirst_AndSpreadsRevenueOverItsDays()
    {
        var report = Report(kind: SalesPeriodKind.Monthly);

        Assert.Equal(new DateOnly(2026, 11, 1), report.PeriodStart);
        Assert.Equal(new DateOnly(2026, 11, 30), report.PeriodEnd);
        Assert.Equal(30, report.Days);
        Assert.Equal(1_250_000 / 30.0, report.RevenuePerDay, 6);
    }

    [Fact]
    public void Correct_KeepsEveryVersion_AndTheLatestCounts()
    {
        var report = Report();

        Assert.True(report.Correct(15, 1_500_000, null, " salah ketik ", _now.AddHours(1), _owner));

        Assert.Equal((15, 1_500_000L), (report.Units, report.RevenueRupiah));
        Assert.Equal(2, report.Revisions.Count);
        Assert.Equal((12, 1_250_000L), (report.Revisions[0].Units, report.Revisions[0].RevenueRupiah));
        Assert.Equal("salah ketik", report.Revisions[1].Reason);
    }

    [Fact]
    public void Correct_WithUnchangedFigures_ChangesNothing()
    {
        var report = Report();

        Assert.False(report.Correct(12, 1_250_000, null, "impor penjualan.csv", _now.AddHours(1), _owner));

        Assert.Single(report.Revisions);
    }

    [Fact]
    public void Correct_ARejectedReport_WithTheSameFigures_SendsItAgain()
    {
        var report = Report("revenue/day 400 vs median 100 of 6 earlier reports; modified z 40.5");
        report.Reject("Salah ketik nol", _now, _staff);

        Assert.True(report.Correct(12, 1_250_000, null, null, _now.AddHours(1), _owner));
        Assert.Equal(SalesReportState.Counted, report.State);
        Assert.Null(report.ReviewNote);
    }

    [Fact]
    public void Correct_WithAHoldReason_HoldsAgain()
    {
        var report = Report();

        report.Correct(120, 12_500_000, "revenue/day 12500000 vs median 1250000 of 6 earlier reports; modified z 99.0", null, _now, _owner);

        Assert.Equal(SalesReportState.HeldForReview, report.State);
        Assert.False(report.Counts);
    }

    [Fact]
    public void Accept_AHeldReport_MakesItCount()
    {
        var report = Report("held");

        report.Accept(_now, _staff);

        Assert.Equal(SalesReportState.Counted, report.State);
        Assert.Equal(_staff, report.ReviewedBy);
        Assert.Equal(SalesReportState.Counted, report.Revisions[^1].State);
    }

    [Fact]
    public void Reject_AHeldReport_KeepsTheNote_AndItDoesNotCount()
    {
        var report = Report("held");

        report.Reject("  Angka tampak salah ketik  ", _now, _staff);

        Assert.Equal(SalesReportState.Rejected, report.State);
        Assert.Equal("Angka tampak salah ketik", report.ReviewNote);
        Assert.False(report.Counts);
    }

    [Fact]
    public void AcceptAndReject_OnlyWhenHeld()
    {
        var counted = Report();

        Assert.Throws<InvalidOperationException>(() => counted.Accept(_now, _staff));
        Assert.Throws<InvalidOperationException>(() => counted.Reject("tidak", _now, _staff));
        var held = Report("held");
        Assert.Throws<ArgumentException>(() => held.Reject(" ", _now, _staff));
    }

    [Fact]
    public void Create_WithBadFigures_Throws() =>
        Assert.Throws<ArgumentException>(() => SalesReport.Create(1, 10, 5, SalesChannel.Shopee, SalesPeriodKind.Daily, new DateOnly(2026, 11, 17), -1, 0, null, _now, _owner));
}
