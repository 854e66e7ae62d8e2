using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.ESmart;

public sealed class CohortStaffTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Post_NewCohort_SavesItWithTheUsualModules()
    {
        using var staff = await ESmartData.StaffClientAsync(site);
        var page = await staff.GetPageAsync("/admin/e-smart/ubah");
        Assert.Equal("Foto produk", page.QuerySelector("#module-0-name")!.GetAttribute("value"));

        var response = await staff.SubmitAsync(page, "main form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "e-Smart IKM Bali Angkatan Uji",
            ["Input.StartsOn"] = "2031-02-03",
            ["Input.EndsOn"] = "2031-02-14",
            ["Input.ProvinceCode"] = "51",
            ["Input.Capacity"] = "25",
        });

        await PortalData.AssertSavedAsync(response);
        var cohort = await ESmartData.ReadAsync(site, db => db.ESmartCohorts.Include(c => c.Modules).SingleAsync(c => c.Slug == "e-smart-ikm-bali-angkatan-uji"));
        Assert.Equal($"/admin/e-smart/{cohort.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(new DateOnly(2031, 2, 3), cohort.StartsOn);
        Assert.Equal("51", cohort.ProvinceCode);
        Assert.Equal(25, cohort.Capacity);
        Assert.Equal(ESmartData.UsualModules, cohort.Modules.OrderBy(m => m.SortOrder).Select(m => m.Name));
        Assert.Equal("Halal and TKDN certification", cohort.Modules.Single(m => m.Name == "Sertifikasi halal dan TKDN").NameEn);
    }

    [Fact]
    public async Task Post_EditCohort_BadInput_AndASecondEditor_AreRefused()
    {
        var cohort = await ESmartData.CreateCohortAsync(site);
        using var staff = await ESmartData.StaffClientAsync(site);
        var first = await staff.GetPageAsync($"/admin/e-smart/ubah/{cohort.Id}");
        var second = await staff.GetPageAsync($"/admin/e-smart/ubah/{cohort.Id}");

        var bad = await staff.SubmitAsync(first, "main form.form", new Dictionary<string, string>
        {
            ["Input.EndsOn"] = "2020-01-01",
            ["Input.Capacity"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.NotEmpty(PortalData.Errors(await SiteFixture.ParseAsync(bad)));

        await PortalData.AssertSavedAsync(await staff.SubmitAsync(first, "main form.form", new Dictionary<string, string> { ["Input.Capacity"] = "12" }));
        var conflict = await staff.SubmitAsync(second, "main form.form", new Dictionary<string, string> { ["Input.Capacity"] = "99" });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("baru saja diubah", PortalData.Errors(await SiteFixture.ParseAsync(conflict)), StringComparison.Ordinal);
        Assert.Equal(12, await ESmartData.ReadAsync(site, db => db.ESmartCohorts.Where(c => c.Id == cohort.Id).Select(c => c.Capacity).SingleAsync()));
    }

    [Fact]
    public async Task Post_TwoAcceptsAtOnce_ForTheLastSeat_AcceptOne_AndWaitlistTheOther()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, capacity: 2);
        var (_, seated, _) = await ESmartData.MakerWithProductAsync(site);
        await ESmartData.ApplyAsync(site, cohort.Id, seated, accept: true);
        var (_, a, _) = await ESmartData.MakerWithProductAsync(site);
        var (_, b, _) = await ESmartData.MakerWithProductAsync(site);
        var first = await ESmartData.ApplyAsync(site, cohort.Id, a, accept: false);
        var second = await ESmartData.ApplyAsync(site, cohort.Id, b, accept: false);
        using var staffA = await ESmartData.StaffClientAsync(site);
        using var staffB = await ESmartData.StaffClientAsync(site);
        var pageA = await staffA.GetPageAsync($"/admin/e-smart/{cohort.Id}");
        var pageB = await staffB.GetPageAsync($"/admin/e-smart/{cohort.Id}");

        var responses = await Task.WhenAll(staffA.SubmitAsync(pageA, $"#terima-{first}"), staffB.SubmitAsync(pageB, $"#terima-{second}"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var states = new[] { (await ESmartData.ApplicationAsync(site, first)).State, (await ESmartData.ApplicationAsync(site, second)).State };
        Assert.Single(states, CohortApplicationState.Accepted);
        Assert.Single(states, CohortApplicationState.Waitlisted);
        Assert.Equal(2, await ESmartData.ReadAsync(site, db => db.CohortApplications.CountAsync(x => x.CohortId == cohort.Id && x.State == CohortApplicationState.Accepted)));
        Assert.Equal(2, await ESmartData.ReadAsync(site, db => db.AuditEntries.CountAsync(e => e.EntityType == nameof(CohortApplication)
            && (e.EntityId == Id(first) || e.EntityId == Id(second)) && (e.Action == "esmart-accepted" || e.Action == "esmart-waitlisted"))));
    }

    [Fact]
    public async Task Post_Decline_OfASeat_GivesItToTheFirstOnTheWaitingList()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, capacity: 1);
        var (_, a, _) = await ESmartData.MakerWithProductAsync(site);
        var (_, b, _) = await ESmartData.MakerWithProductAsync(site);
        var (_, c, _) = await ESmartData.MakerWithProductAsync(site);
        var seated = await ESmartData.ApplyAsync(site, cohort.Id, a, accept: false);
        var firstWaiting = await ESmartData.ApplyAsync(site, cohort.Id, b, accept: false);
        var secondWaiting = await ESmartData.ApplyAsync(site, cohort.Id, c, accept: false);
        using var staff = await ESmartData.StaffClientAsync(site);
        foreach (var application in new[] { seated, firstWaiting, secondWaiting })
        {
            await PortalData.AssertSavedAsync(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}"), $"#terima-{application}"));
        }

        var response = await staff.SubmitAsync(await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}"), $"#tolak-{seated}",
            new Dictionary<string, string> { ["note"] = "Mengundurkan diri." });

        await PortalData.AssertSavedAsync(response);
        var declined = await ESmartData.ApplicationAsync(site, seated);
        Assert.Equal(CohortApplicationState.Declined, declined.State);
        Assert.Equal("Mengundurkan diri.", declined.Note);
        Assert.Equal(CohortApplicationState.Accepted, (await ESmartData.ApplicationAsync(site, firstWaiting)).State);
        Assert.Equal(CohortApplicationState.Waitlisted, (await ESmartData.ApplicationAsync(site, secondWaiting)).State);
    }

    [Fact]
    public async Task Post_CompletionGrid_AllModules_GraduatesTheIkm_AndTheBadgeShowsOnProfileAndProduct()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, modules: 2);
        var (_, ikmId, productId) = await ESmartData.MakerWithProductAsync(site);
        var applicationId = await ESmartData.ApplyAsync(site, cohort.Id, ikmId, accept: true);
        var (ikmSlug, productSlug) = await ESmartData.ReadAsync(site, async db =>
            (await db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Slug).SingleAsync(), await db.Products.Where(p => p.Id == productId).Select(p => p.Slug).SingleAsync()));
        using var anonymous = site.CreateClient();
        // Cached before: the graduation must evict these pages.
        Assert.Null((await anonymous.GetPageAsync($"/ikm/{ikmSlug}")).QuerySelector("[data-badge=esmart]"));
        Assert.Null((await anonymous.GetPageAsync($"/produk/{productSlug}")).QuerySelector("[data-badge=esmart]"));
        using var staff = await ESmartData.StaffClientAsync(site);
        var page = await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}");
        ((IHtmlInputElement)page.QuerySelector($"#selesai-{applicationId}-{cohort.ModuleIds[0]}")!).IsChecked = true;
        await PortalData.AssertSavedAsync(await staff.SubmitAsync(page, "form#grid"));
        Assert.Null((await ESmartData.ApplicationAsync(site, applicationId)).CompletedAt);

        page = await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}");
        Assert.True(((IHtmlInputElement)page.QuerySelector($"#selesai-{applicationId}-{cohort.ModuleIds[0]}")!).IsChecked);
        ((IHtmlInputElement)page.QuerySelector($"#selesai-{applicationId}-{cohort.ModuleIds[1]}")!).IsChecked = true;
        await PortalData.AssertSavedAsync(await staff.SubmitAsync(page, "form#grid"));

        var application = await ESmartData.ApplicationAsync(site, applicationId);
        Assert.NotNull(application.CompletedAt);
        Assert.Equal(2, application.Completions.Count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        Assert.Equal(today, await ESmartData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.ESmartAlumniSince).SingleAsync()));
        Assert.Equal(today, await ESmartData.ReadAsync(site, db => db.ESmartParticipants.Where(p => p.IkmId == ikmId).Select(p => p.TrainedOn).SingleAsync()));
        Assert.Equal("Alumni e-Smart IKM", (await anonymous.GetPageAsync($"/ikm/{ikmSlug}")).QuerySelector("[data-badge=esmart]")!.TextContent.Trim());
        Assert.Equal("Alumni e-Smart IKM", (await anonymous.GetPageAsync($"/produk/{productSlug}")).QuerySelector("[data-badge=esmart]")!.TextContent.Trim());
        Assert.True(await ESmartData.ReadAsync(site, db => db.AuditEntries.AnyAsync(e => e.Action == "esmart-completed" && e.EntityId == Id(applicationId))));

        // Staff can then mark the graduate curated.
        await PortalData.AssertSavedAsync(await staff.SubmitAsync(await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}"), $"#kurasi-{applicationId}"));
        Assert.Equal(today, await ESmartData.ReadAsync(site, db => db.ESmartParticipants.Where(p => p.IkmId == ikmId).Select(p => p.CuratedOn).SingleAsync()));
    }

    [Fact]
    public async Task Post_CompletionCsv_MarksTheModules_AndGraduates()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, modules: 2);
        var (_, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        var applicationId = await ESmartData.ApplyAsync(site, cohort.Id, ikmId, accept: true);
        var ikm = await ESmartData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => new { i.Nib, i.Slug }).SingleAsync());
        var (nib, slug) = (ikm.Nib, ikm.Slug);
        using var staff = await ESmartData.StaffClientAsync(site);
        // As Excel in Indonesian saves it: ';' and Windows-1252.
        var csv = $"NIB;IKM;Modul\r\n{nib};;{cohort.ModuleNames[0]}\r\n;{slug};{cohort.ModuleNames[1]} (EN)\r\n";

        var response = await UploadAsync(staff, cohort.Id, CodePagesEncoding().GetBytes(csv));

        await PortalData.AssertSavedAsync(response);
        var application = await ESmartData.ApplicationAsync(site, applicationId);
        Assert.Equal(2, application.Completions.Count);
        Assert.NotNull(application.CompletedAt);
        Assert.NotNull(await ESmartData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.ESmartAlumniSince).SingleAsync()));
    }

    [Fact]
    public async Task Post_CompletionCsv_WithABadRow_SavesNothing_AndNamesTheLine()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, modules: 2);
        var (_, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        var applicationId = await ESmartData.ApplyAsync(site, cohort.Id, ikmId, accept: true);
        var nib = await ESmartData.ReadAsync(site, db => db.Ikms.Where(i => i.Id == ikmId).Select(i => i.Nib).SingleAsync());
        using var staff = await ESmartData.StaffClientAsync(site);
        var csv = $"nib,modul\n{nib},{cohort.ModuleNames[0]}\n{nib},Menari Kecak\n";

        var response = await UploadAsync(staff, cohort.Id, Encoding.UTF8.GetBytes(csv));
        var wrongColumns = await UploadAsync(staff, cohort.Id, Encoding.UTF8.GetBytes($"nama,kelas\n{nib},x\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Menari Kecak", page.QuerySelector("li[data-line='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tidak ada yang disimpan", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrongColumns.StatusCode);
        Assert.Contains("kolom wajib tidak ada", (await SiteFixture.ParseAsync(wrongColumns)).QuerySelector("li[data-line='1']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty((await ESmartData.ApplicationAsync(site, applicationId)).Completions);
    }

    [Fact]
    public async Task Get_Cohort_ShowsItsFunnel_WithSellingOnlineAfterTheEnd()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var cohort = await ESmartData.CreateCohortAsync(site, capacity: 5, startsOn: today.AddDays(-30), endsOn: today.AddDays(-10));
        // Accepted with a published product with a marketplace link: selling online.
        var (_, selling, _) = await ESmartData.MakerWithProductAsync(site);
        await ESmartData.ApplyAsync(site, cohort.Id, selling, accept: true);
        // Accepted without products: not selling online.
        var quietOwner = await PortalData.CreateOwnerAsync(site);
        var quiet = await PortalData.CreateIkmAsync(site, quietOwner.Id, VerificationState.Verified);
        await ESmartData.ApplyAsync(site, cohort.Id, quiet, accept: true);
        // Applied only.
        var (_, applied, _) = await ESmartData.MakerWithProductAsync(site);
        await ESmartData.ApplyAsync(site, cohort.Id, applied, accept: false);
        using var staff = await ESmartData.StaffClientAsync(site);

        var page = await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}");

        string Figure(string name) => page.QuerySelector($"[data-figure={name}]")!.TextContent.Trim();
        Assert.Equal("3", Figure("applied"));
        Assert.Equal("2", Figure("accepted"));
        Assert.Equal("0", Figure("completed"));
        Assert.Equal("1", Figure("selling"));
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient staff, int cohortId, byte[] content) =>
        await staff.SubmitAsync(await staff.GetPageAsync($"/admin/e-smart/{cohortId}"), "form#csv", files: [new FormFile("file", "modul.csv", content, "text/csv")]);
}
