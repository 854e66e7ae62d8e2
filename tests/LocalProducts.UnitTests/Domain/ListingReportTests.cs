using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class ListingReportTests
{
    private static readonly Guid _staff = Guid.Parse("5b8f3c1e-0000-4000-8000-000000000001");
    private static readonly DateTimeOffset _now = new(2026, 12, 5, 10, 0, 0, TimeSpan.FromHours(7));

    private static ListingReport NewReport() =>
        new() { ProductId = 7, Reason = ListingReportReason.ExpiredCertificate, ReportedAt = _now.AddDays(-2) };

    [Fact]
    public void New_IsOpen()
    {
        var report = NewReport();

        Assert.True(report.IsOpen);
        Assert.Equal(ListingReportState.Open, report.State);
        Assert.Null(report.HandledAt);
    }

    [Theory]
    [InlineData(ListingReportState.Resolved)]
    [InlineData(ListingReportState.Dismissed)]
    public void Close_RecordsOutcomeStaffAndTimeInUtc(ListingReportState outcome)
    {
        var report = NewReport();

        report.Close(outcome, "  Sertifikat halal sudah diperbarui pemilik.  ", _staff, _now);

        Assert.False(report.IsOpen);
        Assert.Equal(outcome, report.State);
        Assert.Equal("Sertifikat halal sudah diperbarui pemilik.", report.StaffNote);
        Assert.Equal(_staff, report.HandledById);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 3, 0, 0, TimeSpan.Zero), report.HandledAt);
        Assert.Equal(TimeSpan.Zero, report.HandledAt!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Close_WithoutNote_KeepsNoNote(string? note)
    {
        var report = NewReport();

        report.Close(ListingReportState.Dismissed, note, _staff, _now);

        Assert.Null(report.StaffNote);
    }

    [Fact]
    public void Close_AsOpen_IsRefused()
    {
        var report = NewReport();

        Assert.Throws<ArgumentOutOfRangeException>(() => report.Close(ListingReportState.Open, null, _staff, _now));
        Assert.True(report.IsOpen);
    }

    [Fact]
    public void Close_Twice_IsRefused_AndTheFirstClosingStays()
    {
        var report = NewReport();
        report.Close(ListingReportState.Resolved, "Produk disembunyikan.", _staff, _now);

        Assert.Throws<InvalidOperationException>(() => report.Close(ListingReportState.Dismissed, "Tidak ada masalah.", Guid.NewGuid(), _now.AddHours(1)));

        Assert.Equal(ListingReportState.Resolved, report.State);
        Assert.Equal("Produk disembunyikan.", report.StaffNote);
        Assert.Equal(_staff, report.HandledById);
    }
}
