using System.Net;

namespace LocalProducts.IntegrationTests.Pages.Account;

public sealed class PasswordTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static async Task<HttpResponseMessage> AskForResetAsync(HttpClient client, string email)
    {
        var page = await client.GetPageAsync("/akun/lupa-sandi");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Email"] = email });
    }

    private static async Task<HttpResponseMessage> SetNewPasswordAsync(HttpClient client, string link, string password)
    {
        var page = await client.GetPageAsync(link);
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    [Fact]
    public async Task Reset_FromTheMailedLink_SetsTheNewPassword_EndsOtherSessions_AndSpendsTheLink()
    {
        var email = Accounts.NewEmail("lupa");
        await Accounts.CreateAsync(site.Factory, email);
        using var otherDevice = site.CreateClient();
        await otherDevice.LogInAsync(email, Accounts.GoodPassword);
        using var client = site.CreateClient();

        Accounts.AssertRedirectsTo(await AskForResetAsync(client, email), "/akun/periksa-email?untuk=sandi");
        var link = Accounts.LinkIn(site.Factory.MailTo(email).Single(), "/akun/atur-ulang-sandi");
        var reset = await SetNewPasswordAsync(client, link, "teh manis untuk tamu sore");

        Accounts.AssertRedirectsTo(reset, "/akun/masuk?pesan=sandi-diubah");
        Accounts.AssertRedirectsTo(await otherDevice.GetAsync("/akun"), "/akun/masuk");
        Assert.Contains("E-mail atau kata sandi salah.", await Accounts.AlertOf(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword)), StringComparison.Ordinal);
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, "teh manis untuk tamu sore"), "/dasbor");

        using var again = site.CreateClient();
        var reused = await SetNewPasswordAsync(again, link, "kata sandi ketiga yang panjang");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("kedaluwarsa atau sudah dipakai", await Accounts.AlertOf(reused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ForgotPassword_UnknownAddress_AnswersTheSame_AndSendsNothing()
    {
        using var client = site.CreateClient();
        var email = Accounts.NewEmail("tak-dikenal");

        var response = await AskForResetAsync(client, email);

        Accounts.AssertRedirectsTo(response, "/akun/periksa-email?untuk=sandi");
        Assert.Empty(site.Factory.MailTo(email));
    }

    [Fact]
    public async Task Post_ResetPassword_TamperedCode_SaysTheLinkHasExpired_AndKeepsThePassword()
    {
        var email = Accounts.NewEmail("palsu");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();

        var response = await SetNewPasswordAsync(client, $"/akun/atur-ulang-sandi?id={id}&kode=Q0ZESjhCMnRva2VucGFsc3U", "kata sandi yang baru sekali");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("kedaluwarsa atau sudah dipakai", await Accounts.AlertOf(response), StringComparison.Ordinal);
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "/dasbor");
    }

    [Fact]
    public async Task Post_ChangePassword_KeepsThisSession_AndEndsTheOthers()
    {
        var email = Accounts.NewEmail("ganti");
        await Accounts.CreateAsync(site.Factory, email);
        using var otherDevice = site.CreateClient();
        await otherDevice.LogInAsync(email, Accounts.GoodPassword);
        using var client = site.CreateClient();
        await client.LogInAsync(email, Accounts.GoodPassword);

        var page = await client.GetPageAsync("/akun/ganti-sandi");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = Accounts.GoodPassword,
            ["Input.NewPassword"] = "sepeda tua di jalan kampung",
            ["Input.ConfirmPassword"] = "sepeda tua di jalan kampung",
        });

        Accounts.AssertRedirectsTo(response, "/akun?pesan=sandi-diubah");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/akun")).StatusCode);
        Accounts.AssertRedirectsTo(await otherDevice.GetAsync("/akun"), "/akun/masuk");
    }

    [Fact]
    public async Task Post_ChangePassword_WrongCurrentPassword_SaysSoOnTheField()
    {
        var email = Accounts.NewEmail("salah-lama");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();
        await client.LogInAsync(email, Accounts.GoodPassword);

        var page = await client.GetPageAsync("/akun/ganti-sandi");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "bukan kata sandi lama",
            ["Input.NewPassword"] = "sepeda tua di jalan kampung",
            ["Input.ConfirmPassword"] = "sepeda tua di jalan kampung",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kata sandi salah.", (await SiteFixture.ParseAsync(response)).QuerySelector("#current-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Login_FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne()
    {
        var email = Accounts.NewEmail("kunci");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Accounts.PostLogInAsync(client, email, $"tebakan salah nomor {attempt}");
        }
        var response = await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Akun dikunci sementara", await Accounts.AlertOf(response), StringComparison.Ordinal);
        Assert.True((await Accounts.FindAsync(site.Factory, email))!.LockoutEnd > DateTimeOffset.UtcNow);
    }
}
