using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// Attacks on the second factor: replaying a code someone just used, and enrolling one's own phone
/// on a staff account whose password one holds.
public sealed class TwoFactorAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string AdminEmail = "admin@melokal.test";
    private const string AdminPassword = "Admin-Melokal-2026";

    /// An account with an authenticator set up straight in the database; returns its key.
    private async Task<string> WithAuthenticatorAsync(string email, string role = Roles.IkmOwner)
    {
        await Accounts.CreateAsync(site.Factory, email, role);
        using var scope = site.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// The password step, then the code: the answer to the second step.
    private static async Task<HttpResponseMessage> LogInWithCodeAsync(HttpClient client, string email, string code)
    {
        var first = await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);
        Accounts.AssertRedirectsTo(first, PageForms.SecondStepPath);
        var step = await client.GetPageAsync(first.Headers.Location!.OriginalString);
        return await client.SubmitAsync(step, "main form", new Dictionary<string, string> { ["Input.Code"] = code });
    }

    [Fact]
    public async Task LogIn_SameAuthenticatorCodeTwice_IsRefusedTheSecondTime()
    {
        var email = Accounts.NewEmail("kode-sekali");
        var code = Totp.Code(await WithAuthenticatorAsync(email), DateTimeOffset.UtcNow);
        using var owner = site.CreateClient();
        Accounts.AssertRedirectsTo(await LogInWithCodeAsync(owner, email, code), "/dasbor");

        using var replay = site.CreateClient();
        var replayed = await LogInWithCodeAsync(replay, email, code);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Kode salah", (await SiteFixture.ParseAsync(replayed)).QuerySelector("#code-error")!.TextContent, StringComparison.Ordinal);
        Accounts.AssertRedirectsTo(await replay.GetAsync("/akun"), "/akun/masuk");
    }

    [Fact]
    public async Task LogIn_SameCodeOnTwoInstancesAtOnce_IsAcceptedByOnlyOne()
    {
        var email = Accounts.NewEmail("kode-serentak");
        var key = await WithAuthenticatorAsync(email);
        await using var secondInstance = new MelokalFactory(site.Database.ConnectionString);
        using var first = site.CreateClient();
        using var second = secondInstance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var steps = new List<(HttpClient Client, AngleSharp.Html.Dom.IHtmlDocument Page)>();
        foreach (var client in new[] { first, second })
        {
            var password = await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);
            steps.Add((client, await client.GetPageAsync(password.Headers.Location!.OriginalString)));
        }
        var code = Totp.Code(key, DateTimeOffset.UtcNow);

        var answers = await Task.WhenAll(steps.Select(s =>
            s.Client.SubmitAsync(s.Page, "main form", new Dictionary<string, string> { ["Input.Code"] = code })));

        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task TwoFactorSetup_StaffWithOnlyThePassword_SeesNoKeyAndCannotEnrol()
    {
        var email = Accounts.NewEmail("staf-dicuri");
        await Accounts.CreateAsync(site.Factory, email, Roles.Staff);
        using var attacker = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(attacker, email, Accounts.GoodPassword), "/admin");

        var page = await attacker.GetPageAsync("/akun/dua-langkah?wajib=1");
        Assert.Null(page.QuerySelector("#authenticator-key"));
        Assert.Null(page.QuerySelector("#enable-form"));

        // Even with a key learnt some other way, and the form posted by hand, nothing is enrolled.
        string key;
        using (var scope = site.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(attacker, email, Accounts.GoodPassword), "/admin");
        // The set-up page has no form for them: take the antiforgery token from another page.
        var forms = await attacker.GetPageAsync("/akun/ganti-sandi");
        var forged = await attacker.PostAsync("/akun/dua-langkah", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow),
            ["__RequestVerificationToken"] = forms.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task TwoFactorSetup_AdminsLink_EnrolsOnce_AndIsRefusedWhenSpentOrExpired()
    {
        var email = Accounts.NewEmail("staf-undangan");
        var id = await Accounts.CreateAsync(site.Factory, email, Roles.Staff);
        using var admin = site.CreateClient();
        await admin.LogInAsync(AdminEmail, AdminPassword);

        var issued = await admin.SubmitAsync(await admin.GetPageAsync($"/admin/pengguna/{id}"), "#enrolment-link-form");
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var link = new Uri((await SiteFixture.ParseAsync(issued)).QuerySelector("#enrolment-link")!.TextContent.Trim()).PathAndQuery;
        Assert.StartsWith("/akun/dua-langkah?undangan=", link, StringComparison.Ordinal);
        var entityId = id.ToString();
        using (var scope = site.Factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
                .AnyAsync(e => e.Action == AuditActions.TwoFactorLinkIssued && e.EntityId == entityId));
        }

        using var staff = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(staff, email, Accounts.GoodPassword), "/admin");
        var setup = await staff.GetPageAsync(link);
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await staff.SubmitAsync(setup, "#enable-form", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.True((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);
        Assert.Null((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnrolmentTokenHash);

        // An expired link shows no key either.
        var other = Accounts.NewEmail("staf-kedaluwarsa");
        await Accounts.CreateAsync(site.Factory, other, Roles.Staff);
        var expired = await PageForms.IssueEnrolmentLinkAsync(site.Factory, other);
        using (var scope = site.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == other)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.TwoFactorEnrolmentExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        using var late = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(late, other, Accounts.GoodPassword), "/admin");
        Assert.Null((await late.GetPageAsync($"/akun/dua-langkah?undangan={expired}")).QuerySelector("#authenticator-key"));
    }
}
