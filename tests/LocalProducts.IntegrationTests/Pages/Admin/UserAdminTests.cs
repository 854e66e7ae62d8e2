using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.Pages.Admin;

/// The admin's user pages change accounts: they share the accounts tests' site and database (one
/// PostgreSQL less to start on a two-core machine), and make fresh users for what they change.
public sealed class UserAdminTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string AdminEmail = "admin@melokal.test";
    private const string AdminPassword = "Admin-Melokal-2026";

    private async Task<HttpClient> AdminAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(AdminEmail, AdminPassword);
        return client;
    }

    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, Guid userId, string formSelector)
    {
        var page = await client.GetPageAsync($"/admin/pengguna/{userId}");
        return await client.SubmitAsync(page, formSelector);
    }

    private static string RoleForm(string handler, string role) => $"form[action*='handler={handler}']:has(input[value='{role}'])";

    [Fact]
    public async Task Admin_GivesAndTakesARole()
    {
        var email = Accounts.NewEmail("peran");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var admin = await AdminAsync();

        var granted = await PressAsync(admin, id, RoleForm("Grant", Roles.Staff));
        Accounts.AssertRedirectsTo(granted, $"/admin/pengguna/{id}?pesan=peran-diberikan");
        Assert.Contains(Roles.Staff, await Accounts.RolesOfAsync(site.Factory, email));

        var revoked = await PressAsync(admin, id, RoleForm("Revoke", Roles.Staff));
        Accounts.AssertRedirectsTo(revoked, $"/admin/pengguna/{id}?pesan=peran-dicabut");
        Assert.DoesNotContain(Roles.Staff, await Accounts.RolesOfAsync(site.Factory, email));
    }

    [Fact]
    public async Task Admin_AccountActions_AreInTheAuditLog()
    {
        var email = Accounts.NewEmail("diaudit");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var admin = await AdminAsync();

        await PressAsync(admin, id, RoleForm("Grant", Roles.Writer));
        await PressAsync(admin, id, RoleForm("Revoke", Roles.Writer));
        await PressAsync(admin, id, "#lock-form");
        await PressAsync(admin, id, "#unlock-form");

        var log = await admin.GetPageAsync($"/admin/audit?jenis=User&id={id}");
        var rows = log.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(4, rows.Count);
        // Newest first, each with the admin who did it and, for roles, which role.
        Assert.Contains(AuditActions.Unlocked, rows[0], StringComparison.Ordinal);
        Assert.Contains(AuditActions.Locked, rows[1], StringComparison.Ordinal);
        Assert.Contains(AuditActions.RoleTaken, rows[2], StringComparison.Ordinal);
        Assert.Contains(Roles.Writer, rows[2], StringComparison.Ordinal);
        Assert.Contains(AuditActions.RoleGiven, rows[3], StringComparison.Ordinal);
        Assert.All(rows, row => Assert.Contains(AdminEmail, row, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_TakingARole_EndsItsUseAtOnce()
    {
        var email = Accounts.NewEmail("staf-dicabut");
        var id = await Accounts.CreateAsync(site.Factory, email, Roles.Staff);
        using var staff = site.CreateClient();
        await staff.LogInAsync(email, Accounts.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin")).StatusCode);
        using var admin = await AdminAsync();

        await PressAsync(admin, id, RoleForm("Revoke", Roles.Staff));

        var after = await staff.GetAsync("/admin");
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Admin_LocksAnAccount_EndingItsSessions_ThenUnlocksIt()
    {
        var email = Accounts.NewEmail("dikunci");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var owner = site.CreateClient();
        await owner.LogInAsync(email, Accounts.GoodPassword);
        using var admin = await AdminAsync();

        Accounts.AssertRedirectsTo(await PressAsync(admin, id, "#lock-form"), $"/admin/pengguna/{id}?pesan=dikunci");

        Assert.True((await Accounts.FindAsync(site.Factory, email))!.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Accounts.AssertRedirectsTo(await owner.GetAsync("/akun"), "/akun/masuk");
        using var again = site.CreateClient();
        Assert.Contains("dikunci oleh admin", await Accounts.AlertOf(await Accounts.PostLogInAsync(again, email, Accounts.GoodPassword)), StringComparison.Ordinal);

        Accounts.AssertRedirectsTo(await PressAsync(admin, id, "#unlock-form"), $"/admin/pengguna/{id}?pesan=dibuka");
        Assert.Null((await Accounts.FindAsync(site.Factory, email))!.LockoutEnd);
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(again, email, Accounts.GoodPassword), "/dasbor");
    }

    [Fact]
    public async Task Admin_CannotTakeTheirOwnAdminRole_OrLockThemselves()
    {
        using var admin = await AdminAsync();
        var self = (await Accounts.FindAsync(site.Factory, AdminEmail))!.Id;
        var page = await admin.GetPageAsync($"/admin/pengguna/{self}");
        Assert.Null(page.QuerySelector(RoleForm("Revoke", Roles.Admin)));
        Assert.Null(page.QuerySelector("#lock-form"));
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var revoke = await admin.PostAsync($"/admin/pengguna/{self}?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = Roles.Admin,
            ["__RequestVerificationToken"] = token,
        }));
        var lockSelf = await admin.PostAsync($"/admin/pengguna/{self}?handler=Lock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, revoke.StatusCode);
        Assert.Contains("akun Anda sendiri", await Accounts.AlertOf(revoke), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lockSelf.StatusCode);
        Assert.Contains(Roles.Admin, await Accounts.RolesOfAsync(site.Factory, AdminEmail));
        Assert.Null((await Accounts.FindAsync(site.Factory, AdminEmail))!.LockoutEnd);
    }

    [Fact]
    public async Task Post_GrantTwice_SecondAdminGetsAConflictMessage()
    {
        var email = Accounts.NewEmail("bersamaan");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var first = await AdminAsync();
        using var second = await AdminAsync();
        var firstPage = await first.GetPageAsync($"/admin/pengguna/{id}");
        var secondPage = await second.GetPageAsync($"/admin/pengguna/{id}");

        Accounts.AssertRedirectsTo(await first.SubmitAsync(firstPage, RoleForm("Grant", Roles.Staff)), $"/admin/pengguna/{id}");
        var late = await second.SubmitAsync(secondPage, RoleForm("Grant", Roles.Staff));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("baru saja diubah", await Accounts.AlertOf(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AdminAction_WithoutAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        var email = Accounts.NewEmail("tanpa-token");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var admin = await AdminAsync();

        var response = await admin.PostAsync($"/admin/pengguna/{id}?handler=Grant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = Roles.Admin,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Roles.Admin, await Accounts.RolesOfAsync(site.Factory, email));
    }

    [Fact]
    public async Task Get_UserList_FindsByEmailOrName_ShowsNamesAsText_AndPages()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var scripted = Accounts.NewEmail($"cari-{marker}");
        await Accounts.CreateAsync(site.Factory, scripted, displayName: $"<script>alert('{marker}')</script>");
        for (var i = 0; i < 26; i++)
        {
            await Accounts.CreateAsync(site.Factory, Accounts.NewEmail($"halaman-{marker}"), displayName: $"Halaman {marker} {i:00}");
        }
        using var admin = await AdminAsync();

        var found = await admin.GetAsync($"/admin/pengguna?q=cari-{marker}");
        var html = await found.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await SiteFixture.ParseAsync(found);
        var row = Assert.Single(page.QuerySelectorAll(".user-table tbody tr"));
        Assert.Equal($"<script>alert('{marker}')</script>", row.QuerySelector("td a")!.TextContent);
        Assert.Contains(scripted, row.TextContent, StringComparison.Ordinal);

        var first = await admin.GetPageAsync($"/admin/pengguna?q=Halaman%20{marker}");
        Assert.Equal(25, first.QuerySelectorAll(".user-table tbody tr").Length);
        Assert.Contains("26 pengguna", first.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetPageAsync("/admin/pengguna" + next);
        Assert.Single(second.QuerySelectorAll(".user-table tbody tr"));
    }

    [Fact]
    public async Task Get_UserAdmin_Anonymous_IsSentToLogIn()
    {
        using var client = site.CreateClient();

        Accounts.AssertRedirectsTo(await client.GetAsync("/admin/pengguna"), "/akun/masuk?kembali=%2Fadmin%2Fpengguna");
    }

    [Fact]
    public async Task Get_UserAdmin_IkmOwner_IsForbidden()
    {
        using var owner = site.CreateClient();
        await owner.LogInAsync("pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/admin/pengguna")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Staff_WithoutAdminRole_IsForbidden_OnUserAdmin_EvenPostingAForm()
    {
        var target = Accounts.NewEmail("sasaran");
        var id = await Accounts.CreateAsync(site.Factory, target);
        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/admin")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/admin/pengguna")).StatusCode);
        var token = (await staff.GetPageAsync("/akun")).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await staff.PostAsync($"/admin/pengguna/{id}?handler=Grant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = Roles.Admin,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.DoesNotContain(Roles.Admin, await Accounts.RolesOfAsync(site.Factory, target));
    }

    [Fact]
    public async Task Admin_ResetsTwoFactor_OfSomeoneWhoLostTheirPhone()
    {
        var email = Accounts.NewEmail("hilang");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var owner = site.CreateClient();
        await owner.LogInAsync(email, Accounts.GoodPassword);
        await owner.SetUpTwoFactorAsync();
        using var admin = await AdminAsync();

        Accounts.AssertRedirectsTo(await PressAsync(admin, id, "#reset-2fa-form"), $"/admin/pengguna/{id}?pesan=dua-langkah-direset");

        Assert.False((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);
        using var later = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(later, email, Accounts.GoodPassword), "/dasbor");
    }
}
