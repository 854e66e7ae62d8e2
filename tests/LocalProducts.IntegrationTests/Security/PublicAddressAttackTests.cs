using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Tests;

namespace LocalProducts.IntegrationTests.Security;

/// Every absolute link the site mails or prints comes from Site:PublicUrl (http://localhost in the
/// tests), never from the Host header an attacker sends: a reset link to evil.example would carry
/// a valid code to them.
public sealed class PublicAddressAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string ForgedHost = "evil.example";

    private HttpClient ClientWithForgedHost()
    {
        var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = ForgedHost;
        return client;
    }

    [Fact]
    public async Task ForgotPassword_WithAForgedHostHeader_MailsTheResetLinkOnThePublicAddress()
    {
        var email = Accounts.NewEmail("host-palsu");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = ClientWithForgedHost();

        var page = await client.GetPageAsync("/akun/lupa-sandi");
        await client.SubmitAsync(page, "main form", new Dictionary<string, string> { ["Input.Email"] = email });

        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.DoesNotContain(ForgedHost, mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/akun/atur-ulang-sandi?id=", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithAForgedHostHeader_MailsTheConfirmationLinkOnThePublicAddress()
    {
        var email = Accounts.NewEmail("daftar-host-palsu");
        using var client = ClientWithForgedHost();

        var page = await client.GetPageAsync("/akun/daftar");
        await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Host Palsu",
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.GoodPassword,
            ["Input.ConfirmPassword"] = Accounts.GoodPassword,
        });

        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.DoesNotContain(ForgedHost, mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/akun/konfirmasi?id=", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventCalendar_WithAForgedHostHeader_LinksTheEventOnThePublicAddress()
    {
        using var client = ClientWithForgedHost();
        var events = await client.GetPageAsync("/acara");
        var eventPath = events.QuerySelectorAll("a[href^='/acara/']").Select(a => a.GetAttribute("href")!).First(h => h.Count(c => c == '/') == 2);

        var calendar = await client.GetStringAsync($"{eventPath}/kalender.ics");

        Assert.DoesNotContain(ForgedHost, calendar, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"http://localhost{eventPath}", calendar.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/berita/feed.xml")]
    [InlineData("/produk")]
    public async Task PublicPages_WithAForgedHostHeader_PrintOnlyThePublicAddress(string path)
    {
        using var client = ClientWithForgedHost();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ForgedHost, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithoutAPublicUrl_RefusesToStart()
    {
        await using var production = new MelokalFactory(site.Database.ConnectionString, "Production");
        production.Settings["Site:PublicUrl"] = "";

        Assert.ThrowsAny<Exception>(() => production.CreateClient());
    }

    [Fact]
    public async Task Production_AForgedHostHeader_IsRefused_ThePublicHostIsServed()
    {
        await using var production = new MelokalFactory(site.Database.ConnectionString, "Production");
        production.Settings["Site:PublicUrl"] = "https://melokal.kemenperin.go.id";
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        forged.Headers.Host = ForgedHost;
        using var genuine = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        genuine.Headers.Host = "melokal.kemenperin.go.id";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(genuine)).StatusCode);
    }
}
