using System.Net;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.Pages.Account;

public sealed class TwoFactorTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, HttpResponseMessage firstStep, string code)
    {
        Accounts.AssertRedirectsTo(firstStep, PageForms.SecondStepPath);
        var page = await client.GetPageAsync(firstStep.Headers.Location!.OriginalString);
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Code"] = code });
    }

    [Fact]
    public async Task SetUp_ShowsQrCodeAndKey_ThenLogInAsksForTheCode_AndAcceptsTheAppsCode()
    {
        var email = Accounts.NewEmail("dua-langkah");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();
        await client.LogInAsync(email, Accounts.GoodPassword);

        var setup = await client.GetPageAsync("/akun/dua-langkah");
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.qr-code")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(setup.QuerySelector("img.qr-code")!.GetAttribute("alt")));
        var (key, codes) = await client.SetUpTwoFactorAsync();
        Assert.Equal(10, codes.Count);
        Assert.True((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);

        using var later = site.CreateClient();
        var firstStep = await Accounts.PostLogInAsync(later, email, Accounts.GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await later.GetAsync("/akun")).StatusCode);
        var wrong = await SecondStepAsync(later, firstStep, Totp.Code(key, DateTimeOffset.UtcNow.AddMinutes(-10)));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Kode salah", (await SiteFixture.ParseAsync(wrong)).QuerySelector("#code-error")!.TextContent, StringComparison.Ordinal);

        var right = await SecondStepAsync(later, firstStep, Totp.Code(key, DateTimeOffset.UtcNow));
        Accounts.AssertRedirectsTo(right, "/dasbor");
        var account = await later.GetPageAsync("/akun");
        Assert.Contains("Aktif", account.QuerySelector(".account-facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoveryCode_SignsIn_OnlyOnce()
    {
        var email = Accounts.NewEmail("pemulihan");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();
        await client.LogInAsync(email, Accounts.GoodPassword);
        var (_, codes) = await client.SetUpTwoFactorAsync();
        var code = codes[3].ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal);

        using var lostPhone = site.CreateClient();
        var used = await SecondStepAsync(lostPhone, await Accounts.PostLogInAsync(lostPhone, email, Accounts.GoodPassword), code);
        Accounts.AssertRedirectsTo(used, "/dasbor");
        Assert.Equal(HttpStatusCode.OK, (await lostPhone.GetAsync("/akun")).StatusCode);

        using var again = site.CreateClient();
        var reused = await SecondStepAsync(again, await Accounts.PostLogInAsync(again, email, Accounts.GoodPassword), code);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/akun")).StatusCode);
    }

    [Fact]
    public async Task Get_SecondStep_WithoutThePasswordStep_GoesBackToLogIn()
    {
        using var client = site.CreateClient();

        Accounts.AssertRedirectsTo(await client.GetAsync(PageForms.SecondStepPath), "/akun/masuk");
    }

    [Fact]
    public async Task Staff_WithoutTwoFactor_OpeningAdmin_IsSentToSetItUp_WithTheReason_AndBackAfter()
    {
        var email = Accounts.NewEmail("staf-baru");
        await Accounts.CreateAsync(site.Factory, email, Roles.Staff);
        using var client = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "/admin");

        var admin = await client.GetAsync("/admin");

        Accounts.AssertRedirectsTo(admin, "/akun/dua-langkah?wajib=1&kembali=%2Fadmin");
        var asked = await client.GetPageAsync(admin.Headers.Location!.OriginalString);
        Assert.Contains("wajib mengaktifkan verifikasi dua langkah", asked.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        // Staff set it up with an admin's one-time link (issuing it ends their session).
        var link = await PageForms.IssueEnrolmentLinkAsync(site.Factory, email);
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "/admin");
        var setup = await client.GetPageAsync($"{admin.Headers.Location!.OriginalString}&undangan={link}");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await client.SubmitAsync(setup, "#enable-form", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/admin", (await SiteFixture.ParseAsync(enabled)).QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Theory]
    [InlineData(Roles.Staff, "/akun/dua-langkah?wajib=1&kembali=%2Fredaksi")]
    [InlineData(Roles.Writer, null)]
    public async Task Newsroom_AsksStaffForTwoFactor_ButNotWriters(string role, string? sentTo)
    {
        var email = Accounts.NewEmail("redaksi-2fa");
        await Accounts.CreateAsync(site.Factory, email, role);
        using var client = site.CreateClient();
        await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);

        var newsroom = await client.GetAsync("/redaksi");

        if (sentTo is null)
        {
            Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);
        }
        else
        {
            Accounts.AssertRedirectsTo(newsroom, sentTo);
        }
    }

    [Fact]
    public async Task LogInAsync_DemoStaff_OpensAdmin_BeforeAndAfterTwoFactorIsOn()
    {
        using var first = site.CreateClient();
        await first.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin")).StatusCode);

        using var second = site.CreateClient();
        await second.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin")).StatusCode);
        Assert.True((await Accounts.FindAsync(site.Factory, "staf@melokal.test"))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task Post_DisableTwoFactor_Staff_IsRefused()
    {
        var email = Accounts.NewEmail("staf-tetap");
        await Accounts.CreateAsync(site.Factory, email, Roles.Staff);
        using var client = site.CreateClient();
        await client.LogInAsync(email, Accounts.GoodPassword);
        var page = await client.GetPageAsync("/akun/dua-langkah");
        Assert.Null(page.QuerySelector("#disable-form"));

        // The form is not shown; post it anyway, with the token of the page's other form.
        var forged = await client.PostAsync("/akun/dua-langkah?handler=Disable", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Disable.Password"] = Accounts.GoodPassword,
            ["__RequestVerificationToken"] = page.QuerySelector("#recovery-codes-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);
    }

    [Fact]
    public async Task Post_DisableTwoFactor_Owner_WithPassword_TurnsItOff()
    {
        var email = Accounts.NewEmail("pemilik-mati");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();
        await client.LogInAsync(email, Accounts.GoodPassword);
        await client.SetUpTwoFactorAsync();

        var page = await client.GetPageAsync("/akun/dua-langkah");
        var wrong = await client.SubmitAsync(page, "#disable-form", new Dictionary<string, string> { ["Disable.Password"] = "bukan kata sandinya" });
        Assert.Contains("Kata sandi salah.", (await SiteFixture.ParseAsync(wrong)).QuerySelector("#disable-error")!.TextContent, StringComparison.Ordinal);
        Assert.True((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);

        var response = await client.SubmitAsync(page, "#disable-form", new Dictionary<string, string> { ["Disable.Password"] = Accounts.GoodPassword });

        Accounts.AssertRedirectsTo(response, "/akun/dua-langkah?pesan=mati");
        Assert.False((await Accounts.FindAsync(site.Factory, email))!.TwoFactorEnabled);
        using var later = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(later, email, Accounts.GoodPassword), "/dasbor");
    }
}
