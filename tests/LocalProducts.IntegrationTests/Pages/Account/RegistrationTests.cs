using System.Net;
using LocalProducts.Web.Domain;

namespace LocalProducts.IntegrationTests.Pages.Account;

public sealed class RegistrationTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password = Accounts.GoodPassword,
        string displayName = "Kopi Uji", string? confirm = null)
    {
        var page = await client.GetPageAsync("/akun/daftar");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        });
    }

    [Fact]
    public async Task Post_Register_NewAddress_CreatesAnUnconfirmedIkmOwner_AndMailsTheLink()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("daftar");

        var response = await RegisterAsync(client, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        var user = await Accounts.FindAsync(site.Factory, email);
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal("Kopi Uji", user.DisplayName);
        Assert.Equal([Roles.IkmOwner], await Accounts.RolesOfAsync(site.Factory, email));
        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.Contains("/akun/konfirmasi?id=", Accounts.LinkIn(mail, "/akun/konfirmasi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Login_BeforeConfirming_IsRefused_ThenTheMailedLink_LetsTheOwnerIn()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("konfirmasi");
        await RegisterAsync(client, email);

        var early = await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("belum dikonfirmasi", await Accounts.AlertOf(early), StringComparison.Ordinal);

        var confirm = await client.GetAsync(Accounts.LinkIn(site.Factory.MailTo(email).Single(), "/akun/konfirmasi"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("sudah dikonfirmasi", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "/dasbor");
        var account = await client.GetPageAsync("/akun");
        Assert.Contains(email, account.QuerySelector(".account-facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Login_UnconfirmedAccount_WrongPassword_SaysNothingAboutTheAccount()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("rahasia");
        await RegisterAsync(client, email);

        var response = await Accounts.PostLogInAsync(client, email, "bukan kata sandinya sama sekali");

        var alert = await Accounts.AlertOf(response);
        Assert.Contains("E-mail atau kata sandi salah.", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("dikonfirmasi", alert, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Register_ExistingAddress_AnswersTheSame_AndMailsTheOwnerInstead()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("sudah-ada");
        await Accounts.CreateAsync(site.Factory, email);

        var response = await RegisterAsync(client, email, displayName: "Orang Lain");

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email");
        var user = await Accounts.FindAsync(site.Factory, email);
        Assert.Equal("Akun Uji", user!.DisplayName);
        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.Contains("sudah punya akun", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("/akun/konfirmasi", mail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password2026", "terlalu umum")]
    [InlineData("1234567890", "terlalu umum")]
    [InlineData("abcdefghijkl", "pola berulang")]
    [InlineData("pendek", "minimal 10 karakter")]
    public async Task Post_Register_WeakPassword_SaysWhy_AndCreatesNothing(string password, string message)
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("lemah");

        var response = await RegisterAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#password-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(email, page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Null(await Accounts.FindAsync(site.Factory, email));
        Assert.Empty(site.Factory.MailTo(email));
    }

    [Fact]
    public async Task Post_Register_PasswordsDiffer_SaysSo()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("beda");

        var response = await RegisterAsync(client, email, confirm: "kopi dingin di sore hari");

        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Kedua kata sandi tidak sama.", page.QuerySelector("#confirm-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await Accounts.FindAsync(site.Factory, email));
    }

    [Fact]
    public async Task Post_Register_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("tanpa-token");

        var response = await client.PostAsync("/akun/daftar", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Tanpa Token",
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.GoodPassword,
            ["Input.ConfirmPassword"] = Accounts.GoodPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await Accounts.FindAsync(site.Factory, email));
    }

    [Fact]
    public async Task Get_Confirm_TamperedLink_SaysTheLinkIsNotValid()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("rusak");
        await RegisterAsync(client, email);
        var link = Accounts.LinkIn(site.Factory.MailTo(email).Single(), "/akun/konfirmasi");

        var response = await client.GetAsync(link[..^6] + "AAAAAA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tidak berlaku", await Accounts.AlertOf(response), StringComparison.Ordinal);
        Assert.False((await Accounts.FindAsync(site.Factory, email))!.EmailConfirmed);
    }

    [Fact]
    public async Task Post_ResendConfirmation_SendsANewLink_ToUnconfirmedOnly_AndAnswersTheSameForAnyAddress()
    {
        using var client = site.CreateClient();
        var unconfirmed = Accounts.NewEmail("ulang");
        await RegisterAsync(client, unconfirmed);
        var unknown = Accounts.NewEmail("tidak-ada");

        foreach (var email in new[] { unconfirmed, unknown })
        {
            var page = await client.GetPageAsync("/akun/kirim-ulang-konfirmasi");
            var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Email"] = email });
            Accounts.AssertRedirectsTo(response, "/akun/periksa-email?untuk=konfirmasi");
        }

        Assert.Equal(2, site.Factory.MailTo(unconfirmed).Count);
        Assert.Empty(site.Factory.MailTo(unknown));
    }

    [Fact]
    public async Task Register_ScriptInDisplayName_IsShownAsText()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("skrip");
        await RegisterAsync(client, email, displayName: "<script>alert('x')</script> Kopi");
        await client.GetAsync(Accounts.LinkIn(site.Factory.MailTo(email).Single(), "/akun/konfirmasi"));
        await client.LogInAsync(email, Accounts.GoodPassword);

        var response = await client.GetAsync("/akun");
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal("<script>alert('x')</script> Kopi", page.QuerySelector("#display-name")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main script"));
    }
}
