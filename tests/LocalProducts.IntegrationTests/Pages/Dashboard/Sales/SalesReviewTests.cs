using System.Net;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Dashboard.Sales;

/// A report far outside the IKM's own history is held; staff accept (it counts) or reject it.
public sealed class SalesReviewTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    /// Six steady days of Rp 100.000, then Rp 400.000 reported through the form: held.
    private async Task<(SalesOwner Owner, SalesReport Held)> HeldReportAsync()
    {
        var owner = await SalesData.OwnerAsync(site);
        var day = SalesData.Today.AddDays(-1);
        await SalesData.AddHistoryAsync(site, owner, day, 100_000, 110_000, 90_000, 105_000, 95_000, 100_000);
        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(owner.Client, SalesData.Form(owner, day, "4", "400.000")));
        var held = (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.PeriodStart == day);
        Assert.Equal(SalesReportState.HeldForReview, held.State);
        return (owner, held);
    }

    [Fact]
    public async Task Report_FarFromHistory_IsHeld_AndTheOwnerSeesWhy()
    {
        var (owner, held) = await HeldReportAsync();
        using var _ = owner.Client;

        var row = (await owner.Client.GetPageAsync("/dasbor/penjualan")).QuerySelector($"tr[data-report='{held.Id}']")!.TextContent;

        Assert.Contains("Ditahan untuk ditinjau staf", row, StringComparison.Ordinal);
        Assert.Contains("Pendapatan per hari Rp 400.000 jauh dari biasanya", row, StringComparison.Ordinal);
        Assert.Contains("Rp 100.000", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithinHistory_CountsAtOnce()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var _ = owner.Client;
        var day = SalesData.Today.AddDays(-1);
        await SalesData.AddHistoryAsync(site, owner, day, 100_000, 110_000, 90_000, 105_000, 95_000, 100_000);

        await PortalData.AssertSavedAsync(await SalesData.ReportAsync(owner.Client, SalesData.Form(owner, day, "2", "150.000")));

        Assert.Equal(SalesReportState.Counted, (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.PeriodStart == day).State);
    }

    [Fact]
    public async Task Staff_Accept_MakesItCount_AndIsAudited()
    {
        var (owner, held) = await HeldReportAsync();
        owner.Client.Dispose();
        using var staff = await StaffClientAsync();
        var queue = await staff.GetPageAsync("/admin/penjualan");
        Assert.NotNull(queue.QuerySelector($"tr[data-report='{held.Id}']"));
        Assert.NotNull(queue.QuerySelector("nav.section-nav a[href='/admin/penjualan']"));

        var response = await staff.SubmitAsync(queue, $"tr[data-report='{held.Id}'] form[data-action='accept']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.Id == held.Id);
        Assert.Equal(SalesReportState.Counted, report.State);
        Assert.True(await PortalData.ReadAsync(site, db => db.AuditEntries.AnyAsync(a => a.EntityType == "SalesReport" && a.EntityId == Key(held.Id) && a.Action == "sales-accepted")));
        Assert.Null((await staff.GetPageAsync("/admin/penjualan")).QuerySelector($"tr[data-report='{held.Id}']"));
    }

    [Fact]
    public async Task Staff_Reject_NeedsANote_ThenTheOwnerSeesIt()
    {
        var (owner, held) = await HeldReportAsync();
        using var _ = owner.Client;
        using var staff = await StaffClientAsync();
        var queue = await staff.GetPageAsync("/admin/penjualan");
        var form = $"tr[data-report='{held.Id}'] form[data-action='reject']";

        var noNote = await staff.SubmitAsync(queue, form);
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Contains("Tulis alasan penolakan", PortalData.Errors(await SiteFixture.ParseAsync(noNote)), StringComparison.Ordinal);
        Assert.Equal(SalesReportState.HeldForReview, (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.Id == held.Id).State);

        var response = await staff.SubmitAsync(queue, form, new Dictionary<string, string> { ["note"] = "Tampak salah ketik satu nol" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.Id == held.Id);
        Assert.Equal(SalesReportState.Rejected, report.State);
        Assert.True(await PortalData.ReadAsync(site, db => db.AuditEntries.AnyAsync(a => a.EntityId == Key(held.Id) && a.Action == "sales-rejected")));
        var row = (await owner.Client.GetPageAsync("/dasbor/penjualan")).QuerySelector($"tr[data-report='{held.Id}']")!.TextContent;
        Assert.Contains("Ditolak", row, StringComparison.Ordinal);
        Assert.Contains("Tampak salah ketik satu nol", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_TwoDecideTheSameReport_TheSecondGetsAConflict()
    {
        var (owner, held) = await HeldReportAsync();
        owner.Client.Dispose();
        using var first = await StaffClientAsync();
        using var second = await StaffClientAsync();
        var queue1 = await first.GetPageAsync("/admin/penjualan");
        var queue2 = await second.GetPageAsync("/admin/penjualan");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(queue1, $"tr[data-report='{held.Id}'] form[data-action='accept']")).StatusCode);
        var late = await second.SubmitAsync(queue2, $"tr[data-report='{held.Id}'] form[data-action='reject']", new Dictionary<string, string> { ["note"] = "Terlalu besar" });

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("sudah diputuskan staf lain", PortalData.Errors(await SiteFixture.ParseAsync(late)), StringComparison.Ordinal);
        Assert.Equal(SalesReportState.Counted, (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.Id == held.Id).State);
    }

    [Fact]
    public async Task Owner_CannotOpenTheStaffQueue()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var _ = owner.Client;

        var response = await owner.Client.GetAsync("/admin/penjualan");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
