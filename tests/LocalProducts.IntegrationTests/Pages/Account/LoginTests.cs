using System.Net;

namespace LocalProducts.IntegrationTests.Pages.Account;

public sealed class LoginTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_Login_RightPassword_SignsInAndGoesBack()
    {
        using var client = site.CreateClient();
        var page = await client.GetPageAsync("/akun/masuk?kembali=%2Fikm");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "pemilik.kopi@melokal.test",
            ["Input.Password"] = "Pemilik-Kopi-2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ikm", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("melokal.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Login_WrongPassword_SaysSoWithoutNamingTheAccount()
    {
        using var client = site.CreateClient();
        var page = await client.GetPageAsync("/akun/masuk");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "tidak.ada@melokal.test",
            ["Input.Password"] = "salah-sekali",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await SiteFixture.ParseAsync(response);
        Assert.Contains("E-mail atau kata sandi salah.", result.QuerySelector("[role=alert]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Login_ForeignReturnUrl_StaysOnThisSite()
    {
        using var client = site.CreateClient();
        var page = await client.GetPageAsync("/akun/masuk?kembali=https%3A%2F%2Fevil.example%2F");
        var response = await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = "pemilik.busana@melokal.test",
            ["Input.Password"] = "Pemilik-Busana-2026",
        });

        Assert.Equal("/dasbor", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Post_Login_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = site.CreateClient();
        var response = await client.PostAsync("/akun/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "pemilik.kopi@melokal.test",
            ["Input.Password"] = "Pemilik-Kopi-2026",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
