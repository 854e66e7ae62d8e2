using System.Globalization;
using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Admin.Reports;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Admin;

/// Staff's queue of shoppers' reports at /admin/laporan: who may see it, and closing a report.
public sealed class ListingReportQueueTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    private async Task<(int ProductId, string MakerName)> ProductAsync()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        return (productId, await PortalData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Name).SingleAsync()));
    }

    private Task<int> ReportAsync(int productId, ListingReportReason reason, string? details, DateTimeOffset reportedAt) =>
        PortalData.ReadAsync(site, async db =>
        {
            var report = new ListingReport { ProductId = productId, Reason = reason, Details = details, ReportedAt = reportedAt };
            db.ListingReports.Add(report);
            await db.SaveChangesAsync();
            return report.Id;
        });

    private Task<ListingReport> SavedAsync(int id) => PortalData.ReadAsync(site, db => db.ListingReports.AsNoTracking().SingleAsync(r => r.Id == id));

    [Fact]
    public async Task Get_Queue_AsStaff_ListsOpenReportsOldestFirst_WithProductMakerReasonAndDetails()
    {
        var (productId, maker) = await ProductAsync();
        var newer = await ReportAsync(productId, ListingReportReason.WrongInformation, "Harga <b>salah</b>", DateTimeOffset.UtcNow.AddHours(-1));
        var older = await ReportAsync(productId, ListingReportReason.ExpiredCertificate, null, DateTimeOffset.UtcNow.AddDays(-3));
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync("/admin/laporan");

        var ids = page.QuerySelectorAll("li[data-report]").Select(li => li.GetAttribute("data-report")).ToList();
        Assert.True(ids.IndexOf(Key(older)) >= 0 && ids.IndexOf(Key(older)) < ids.IndexOf(Key(newer)), "The older report should come first.");
        var card = page.QuerySelector($"li[data-report='{newer}']")!;
        Assert.Contains(maker, card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Informasinya salah", card.QuerySelector("[data-reason]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Harga <b>salah</b>", card.QuerySelector(".report-details")!.TextContent);
        Assert.NotNull(card.QuerySelector($"a[href='/admin/produk/{productId}']"));
        Assert.Contains("3 hari lalu", page.QuerySelector($"li[data-report='{older}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("nav.section-nav a[href='/admin/laporan'][aria-current='page']"));
    }

    [Fact]
    public async Task Get_AdminHome_CountsOpenReports()
    {
        var (productId, _) = await ProductAsync();
        await ReportAsync(productId, ListingReportReason.Other, null, DateTimeOffset.UtcNow);
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync("/admin");

        var shown = int.Parse(page.QuerySelector("[data-count='open-reports']")!.TextContent, CultureInfo.InvariantCulture);
        Assert.Equal(await PortalData.ReadAsync(site, db => db.ListingReports.CountAsync(r => r.State == ListingReportState.Open)), shown);
        Assert.True(shown >= 1);
    }

    [Fact]
    public async Task Get_Queue_AsAnonymousOrOwner_IsRefused()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        using var anonymous = site.CreateClient();
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);

        var asAnonymous = await anonymous.GetAsync("/admin/laporan");
        var asOwner = await ownerClient.GetAsync("/admin/laporan");

        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.StatusCode);
        Assert.StartsWith("/akun/masuk", asAnonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asOwner.StatusCode);
    }

    [Fact]
    public async Task Post_Close_AsOwner_IsForbidden_AndChangesNothing()
    {
        var (productId, _) = await ProductAsync();
        var reportId = await ReportAsync(productId, ListingReportReason.NotGenuine, null, DateTimeOffset.UtcNow);
        var version = (await SavedAsync(reportId)).Version;
        var owner = await PortalData.CreateOwnerAsync(site);
        await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        // A real form with a real token, from a page the owner may open, aimed at the staff handler.
        var form = PortalData.Retarget(await client.GetPageAsync("/dasbor/usaha"), "main form", "/admin/laporan?handler=Close");

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["reportId"] = Key(reportId),
            ["version"] = version.ToString(CultureInfo.InvariantCulture),
            ["outcome"] = nameof(ListingReportState.Dismissed),
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((await SavedAsync(reportId)).IsOpen);
    }

    [Fact]
    public async Task Post_Close_AsStaff_ClosesWithNote_Audits_AndASecondStaffOnAStalePageGetsAConflict()
    {
        var (productId, _) = await ProductAsync();
        var reportId = await ReportAsync(productId, ListingReportReason.FakeCertificate, "Nomor halal palsu.", DateTimeOffset.UtcNow.AddDays(-1));
        using var first = await StaffClientAsync();
        using var second = await StaffClientAsync();
        var firstPage = await first.GetPageAsync("/admin/laporan");
        var secondPage = await second.GetPageAsync("/admin/laporan");

        var closed = await first.SubmitAsync(firstPage, $"#tutup-{reportId}", new Dictionary<string, string>
        {
            ["note"] = "Produk disembunyikan sampai sertifikat diperbaiki.",
            ["outcome"] = nameof(ListingReportState.Resolved),
        });
        var late = await second.SubmitAsync(secondPage, $"#tutup-{reportId}", new Dictionary<string, string>
        {
            ["note"] = "Tidak ada masalah.",
            ["outcome"] = nameof(ListingReportState.Dismissed),
        });

        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("sudah ditutup staf lain", PortalData.Errors(await SiteFixture.ParseAsync(late)), StringComparison.Ordinal);
        var report = await SavedAsync(reportId);
        Assert.Equal(ListingReportState.Resolved, report.State);
        Assert.Equal("Produk disembunyikan sampai sertifikat diperbaiki.", report.StaffNote);
        var staffId = await PortalData.ReadAsync(site, db => db.Users.Where(u => u.Email == PortalData.StaffEmail).Select(u => u.Id).SingleAsync());
        Assert.Equal(staffId, report.HandledById);
        var audit = await PortalData.ReadAsync(site, db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ListingReport) && a.EntityId == Key(reportId)).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(CloseListingReportCommand.ResolvedAction, entry.Action);
        Assert.Equal(staffId, entry.ActorId);

        var closedList = await first.GetPageAsync("/admin/laporan?daftar=ditutup");
        var card = closedList.QuerySelector($"li[data-report='{reportId}']")!;
        Assert.Equal(nameof(ListingReportState.Resolved), card.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Contains("Produk disembunyikan sampai sertifikat diperbaiki.", card.TextContent, StringComparison.Ordinal);
        Assert.Null((await first.GetPageAsync("/admin/laporan")).QuerySelector($"li[data-report='{reportId}']"));
    }

    [Fact]
    public async Task Post_Close_WithoutOutcome_SaysSo_AndChangesNothing()
    {
        var (productId, _) = await ProductAsync();
        var reportId = await ReportAsync(productId, ListingReportReason.Other, null, DateTimeOffset.UtcNow);
        using var client = await StaffClientAsync();
        var page = await client.GetPageAsync("/admin/laporan");

        var response = await client.SubmitAsync(page, $"#tutup-{reportId}", new Dictionary<string, string> { ["outcome"] = "Open" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Pilih cara menutup laporan", PortalData.Errors(await SiteFixture.ParseAsync(response)), StringComparison.Ordinal);
        Assert.True((await SavedAsync(reportId)).IsOpen);
    }
}
