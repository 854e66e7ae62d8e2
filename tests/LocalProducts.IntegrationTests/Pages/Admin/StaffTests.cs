using System.Globalization;
using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin;

public sealed class StaffTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// Staff log-in in one place: when staff need a second factor, only this line changes.
    private static Task LogInAsStaffAsync(HttpClient client) => client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await LogInAsStaffAsync(client);
        return client;
    }

    private async Task<Guid> StaffIdAsync() =>
        await PortalData.ReadAsync(site, db => db.Users.Where(u => u.Email == PortalData.StaffEmail).Select(u => u.Id).SingleAsync());

    private async Task<Ikm> IkmAsync(int id) => await PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == id));

    private async Task<Product> ProductAsync(int id) => await PortalData.ReadAsync(site, db => db.Products.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task Get_AdminHome_AsStaff_CountsWhatWaits()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync("/admin");

        var pending = int.Parse(page.QuerySelector("[data-count='pending-ikm']")!.TextContent, CultureInfo.InvariantCulture);
        Assert.Equal(await PortalData.ReadAsync(site, db => db.Ikms.CountAsync(i => i.Verification == VerificationState.Pending)), pending);
        Assert.True(pending >= 1);
    }

    [Fact]
    public async Task Get_AdminHome_AsAdmin_IsAllowed()
    {
        using var client = site.CreateClient();
        await client.LogInAsync("admin@melokal.test", "Admin-Melokal-2026");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Get_VerificationQueue_ShowsWhatStaffCheck_WithUserTextAsText()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending, name: "Batik <script>alert(1)</script>");
        var ikm = await IkmAsync(ikmId);
        using var client = await StaffClientAsync();

        var response = await client.GetAsync("/admin/verifikasi");
        var html = await response.Content.ReadAsStringAsync();
        var page = await client.GetPageAsync("/admin/verifikasi");

        var card = page.QuerySelector($"li[data-ikm='{ikmId}']");
        Assert.NotNull(card);
        foreach (var expected in new[] { ikm.Nib, "kecil", "10761", "Kabupaten Bangli, Bali", "+6281234567890", "Pemilik Uji (fiktif)", owner.Email })
        {
            Assert.Contains(expected, card.TextContent, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Reject_PendingIkm_OwnerGetsTheReasonByEmail_AndOnTheDashboard()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await StaffClientAsync();
        const string reason = "NIB terdaftar atas nama usaha lain di OSS; unggah ulang NIB yang benar.";

        var response = await client.SubmitAsync(await client.GetPageAsync($"/admin/verifikasi/{ikmId}"), "form[data-action='reject']",
            new Dictionary<string, string> { ["Input.Reason"] = reason });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ikm = await IkmAsync(ikmId);
        Assert.Equal(VerificationState.Rejected, ikm.Verification);
        Assert.Equal(reason, ikm.RejectionReason);
        var mail = Assert.Single(site.Factory.MailTo(owner.Email));
        Assert.Contains(reason, mail, StringComparison.Ordinal);
        Assert.Contains("/dasbor/usaha", mail, StringComparison.Ordinal);
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        var dashboard = await ownerClient.GetPageAsync("/dasbor");
        Assert.Contains("Ditolak", dashboard.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, dashboard.Body.TextContent, StringComparison.Ordinal);
        var entry = await PortalData.ReadAsync(site, db => db.AuditEntries.SingleAsync(a => a.EntityType == "Ikm" && a.EntityId == Key(ikmId)));
        Assert.Equal(AuditActions.Rejected, entry.Action);
        Assert.Equal(await StaffIdAsync(), entry.ActorId);
        Assert.Equal(Roles.Staff, entry.ActorRole);
        Assert.Contains(reason, entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Reject_WithoutReason_SaysSo_AndChangesNothing()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await StaffClientAsync();

        var response = await client.SubmitAsync(await client.GetPageAsync($"/admin/verifikasi/{ikmId}"), "form[data-action='reject']",
            new Dictionary<string, string> { ["Input.Reason"] = "   " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tulis alasan penolakan", PortalData.Errors(await SiteFixture.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Equal(VerificationState.Pending, (await IkmAsync(ikmId)).Verification);
        Assert.Empty(site.Factory.MailTo(owner.Email));
    }

    [Fact]
    public async Task Post_Approve_PendingIkm_VerifiesIt_PublishesItsPendingProducts_AndTellsTheOwner()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        var pending = await PortalData.CreateProductAsync(site, ikmId, ProductState.PendingReview);
        var hidden = await PortalData.CreateProductAsync(site, ikmId, ProductState.Hidden);
        using var client = await StaffClientAsync();
        var review = await client.GetPageAsync($"/admin/verifikasi/{ikmId}");
        Assert.NotNull(review.QuerySelector($"a[href='/admin/produk/{pending}']"));

        var response = await client.SubmitAsync(review, "form[data-action='approve']");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ikm = await IkmAsync(ikmId);
        Assert.Equal(VerificationState.Verified, ikm.Verification);
        Assert.NotNull(ikm.VerifiedAt);
        Assert.Equal(ProductState.Published, (await ProductAsync(pending)).State);
        Assert.Equal(ProductState.Hidden, (await ProductAsync(hidden)).State);
        Assert.Contains("sudah diverifikasi", Assert.Single(site.Factory.MailTo(owner.Email)), StringComparison.Ordinal);
        using var shopper = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await shopper.GetAsync($"/ikm/{ikm.Slug}")).StatusCode);
        var actions = await PortalData.ReadAsync(site, db => db.AuditEntries
            .Where(a => (a.EntityType == "Ikm" && a.EntityId == Key(ikmId)) || (a.EntityType == "Product" && a.EntityId == Key(pending)))
            .Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Approved, AuditActions.Verified], actions.Order());
    }

    [Fact]
    public async Task Post_Approve_AfterTheOwnerChangedTheIkm_AsksStaffToLookAgain()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await StaffClientAsync();
        var review = await client.GetPageAsync($"/admin/verifikasi/{ikmId}");
        using (var ownerClient = await PortalData.OwnerClientAsync(site, owner))
        {
            await PortalData.AssertSavedAsync(await ownerClient.SubmitAsync(await ownerClient.GetPageAsync("/dasbor/usaha"), "main form",
                new Dictionary<string, string> { ["Input.Name"] = "Nama Diganti Diam-diam" }));
        }

        var response = await client.SubmitAsync(review, "form[data-action='approve']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Pemilik mengubah data IKM ini", PortalData.Errors(page), StringComparison.Ordinal);
        Assert.Contains("Nama Diganti Diam-diam", page.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(VerificationState.Pending, (await IkmAsync(ikmId)).Verification);
    }

    [Fact]
    public async Task Post_Moderation_RejectWithReason_HidesIt_OwnerSeesWhyAndGetsAnEmail_ThenStaffShowItAgain()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.PendingReview, "Kopi Foto Pinjaman");
        using var client = await StaffClientAsync();
        Assert.NotNull((await client.GetPageAsync("/admin/moderasi")).QuerySelector($"tr[data-product='{productId}']"));
        const string reason = "Foto diambil dari situs lain; pakai foto produk sendiri.";

        var hidden = await client.SubmitAsync(await client.GetPageAsync($"/admin/produk/{productId}"), "form[data-action='hide']",
            new Dictionary<string, string> { ["Input.Reason"] = reason });

        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var product = await ProductAsync(productId);
        Assert.Equal(ProductState.Hidden, product.State);
        Assert.Equal(reason, product.HiddenReason);
        Assert.Null((await client.GetPageAsync("/admin/moderasi")).QuerySelector($"tr[data-product='{productId}']"));
        Assert.Contains(reason, Assert.Single(site.Factory.MailTo(owner.Email)), StringComparison.Ordinal);
        using (var ownerClient = await PortalData.OwnerClientAsync(site, owner))
        {
            Assert.Contains(reason, (await ownerClient.GetPageAsync("/dasbor")).Body!.TextContent, StringComparison.Ordinal);
        }

        var shown = await client.SubmitAsync(await client.GetPageAsync($"/admin/produk/{productId}"), "form[data-action='unhide']");
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        product = await ProductAsync(productId);
        Assert.Equal(ProductState.Published, product.State);
        Assert.Null(product.HiddenReason);
        var actions = await PortalData.ReadAsync(site, db => db.AuditEntries.Where(a => a.EntityType == "Product" && a.EntityId == Key(productId))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditActions.Hidden, AuditActions.Unhidden], actions);
    }

    [Fact]
    public async Task Post_Hide_AnyPublishedListing_NeedsAReason()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published, "Kopi Terbit Lama");
        using var client = await StaffClientAsync();
        var lookup = await client.GetPageAsync("/admin/produk?q=Kopi+Terbit+Lama");
        Assert.NotNull(lookup.QuerySelector($"tr[data-product='{productId}']"));

        var refused = await client.SubmitAsync(await client.GetPageAsync($"/admin/produk/{productId}"), "form[data-action='hide']",
            new Dictionary<string, string> { ["Input.Reason"] = "" });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tulis alasan menyembunyikan produk", PortalData.Errors(await SiteFixture.ParseAsync(refused)), StringComparison.Ordinal);
        Assert.Equal(ProductState.Published, (await ProductAsync(productId)).State);

        var hidden = await client.SubmitAsync(await client.GetPageAsync($"/admin/produk/{productId}"), "form[data-action='hide']",
            new Dictionary<string, string> { ["Input.Reason"] = "Klaim TKDN tidak dapat dibuktikan." });
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        Assert.Equal(ProductState.Hidden, (await ProductAsync(productId)).State);
    }

    [Fact]
    public async Task Post_StaffDecision_WithoutAntiforgeryToken_IsRefused()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        var version = (await IkmAsync(ikmId)).Version;
        using var client = await StaffClientAsync();

        var response = await client.PostAsync($"/admin/verifikasi/{ikmId}?handler=Approve", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(VerificationState.Pending, (await IkmAsync(ikmId)).Verification);
    }

    [Fact]
    public async Task Post_StaffDecision_AsOwner_IsForbidden_AndChangesNothing()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        // A real form with a real token, from a page the owner may open, aimed at the staff handler.
        var form = PortalData.Retarget(await client.GetPageAsync("/dasbor/usaha"), "main form", $"/admin/verifikasi/{ikmId}?handler=Approve");

        var response = await client.SubmitAsync(form, "main form");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(VerificationState.Pending, (await IkmAsync(ikmId)).Verification);
    }

    [Fact]
    public async Task Get_AuditLog_FiltersByEntityActionActorAndWibDates_NewestFirst()
    {
        var entityId = Guid.NewGuid().ToString("N")[..12];
        var staffId = await StaffIdAsync();
        await PortalData.ReadAsync(site, async db =>
        {
            db.AuditEntries.AddRange(
                // 2026-01-01 23:30 WIB and 2026-01-02 00:30 WIB: different WIB days, same UTC day.
                new AuditEntry { At = new DateTimeOffset(2026, 1, 1, 16, 30, 0, TimeSpan.Zero), ActorId = staffId, ActorRole = "Staff", EntityType = "Product", EntityId = entityId, Action = AuditActions.Hidden, Changes = "{\"reason\":\"pertama\"}" },
                new AuditEntry { At = new DateTimeOffset(2026, 1, 1, 17, 30, 0, TimeSpan.Zero), ActorId = staffId, ActorRole = "Staff", EntityType = "Product", EntityId = entityId, Action = AuditActions.Unhidden },
                new AuditEntry { At = new DateTimeOffset(2026, 1, 1, 17, 45, 0, TimeSpan.Zero), ActorId = Guid.NewGuid(), ActorRole = "IkmOwner", EntityType = "Product", EntityId = entityId, Action = AuditActions.Updated });
            return await db.SaveChangesAsync();
        });
        using var client = await StaffClientAsync();

        async Task<List<string>> ActionsAsync(string query, string type = "Product") =>
            [.. (await client.GetPageAsync($"/admin/audit?jenis={type}&id={entityId}{query}")).QuerySelectorAll("tr[data-audit] code").Select(c => c.TextContent)];

        Assert.Equal(["updated", "unhidden", "hidden"], await ActionsAsync(""));
        Assert.Equal(["hidden"], await ActionsAsync("&aksi=hidden"));
        Assert.Equal(["unhidden", "hidden"], await ActionsAsync($"&aktor={PortalData.StaffEmail}"));
        Assert.Equal(["hidden"], await ActionsAsync("&dari=2026-01-01&sampai=2026-01-01"));
        Assert.Equal(["updated", "unhidden"], await ActionsAsync("&dari=2026-01-02&sampai=2026-01-02"));
        Assert.Empty(await ActionsAsync("&dari=2030-01-01"));
        Assert.Empty(await ActionsAsync("", type: "Ikm"));
        var page = await client.GetPageAsync($"/admin/audit?id={entityId}&aksi=hidden");
        Assert.Contains("1 Januari 2026, 23.30 WIB", page.QuerySelector("tr[data-audit]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("pertama", page.QuerySelector("tr[data-audit]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AuditLog_BadFilters_AreIgnoredOrExplained_NeverAnError()
    {
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync("/admin/audit?dari=kemarin&sampai=2026-13-45&halaman=-3&aktor=tidak.ada%40uji.test&jenis=%3Cscript%3E");

        Assert.Contains("Tanggal tidak valid diabaikan", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tidak ada akun dengan e-mail atau id itu", page.Body.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("tr[data-audit]"));
    }

    [Fact]
    public async Task AuditLog_RecordAsync_ForAccountActions_IsWrittenAndShown()
    {
        var staffId = await StaffIdAsync();
        var userId = Guid.NewGuid().ToString();
        using (var scope = site.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(staffId, "role-given", AuditEntityTypes.User, userId,
                new Dictionary<string, object?> { ["role"] = "Staff" });
        }
        using var client = await StaffClientAsync();

        var row = (await client.GetPageAsync($"/admin/audit?jenis=User&id={userId}")).QuerySelector("tr[data-audit]");

        Assert.NotNull(row);
        Assert.Contains("role-given", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Staf Kemenperin Demo (fiktif)", row.TextContent, StringComparison.Ordinal);
    }
}
