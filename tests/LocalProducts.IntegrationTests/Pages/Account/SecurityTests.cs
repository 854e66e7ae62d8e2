using System.Net;
using LocalProducts.Tests;

namespace LocalProducts.IntegrationTests.Pages.Account;

/// Headers and cookie flags every response carries, and log-ins shared by instances.
public sealed class SecurityTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/produk")]
    [InlineData("/akun/masuk")]
    [InlineData("/tidak-ada-halaman-ini")]
    [InlineData("/css/site.css")]
    public async Task Get_AnyResponse_CarriesTheSecurityHeaders(string url)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        // Development on http://localhost: no HSTS.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Get_ProductPage_KeepsItsJsonLd_UnderTheStrictPolicy()
    {
        using var client = site.CreateClient();
        var list = await client.GetPageAsync("/produk");
        var product = list.QuerySelector(".product-card h3 a")!.GetAttribute("href")!;

        var page = await client.GetPageAsync(product);

        var data = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Equal("Product", System.Text.Json.JsonDocument.Parse(data).RootElement.GetProperty("@type").GetString());
        // Besides the data, only the site's own script files (Simpan), never inline code.
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), script =>
        {
            Assert.StartsWith("/js/", script.GetAttribute("src"), StringComparison.Ordinal);
            Assert.Empty(script.TextContent.Trim());
        });
        Assert.Empty(page.QuerySelectorAll("[style]"));
    }

    [Fact]
    public async Task LogIn_Cookies_AreHttpOnlyAndLax_AndSecureOverHttps()
    {
        using var client = site.CreateClient();
        var overHttp = await Accounts.PostLogInAsync(client, "pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");
        var cookie = Accounts.SetCookie(overHttp, "melokal.auth")!.ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.Ordinal);

        using var https = site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });
        var overHttps = await Accounts.PostLogInAsync(https, "pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");
        var secure = Accounts.SetCookie(overHttps, "melokal.auth")!.ToLowerInvariant();
        Assert.Contains("secure", secure, StringComparison.Ordinal);
        Assert.Contains("httponly", secure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BehindTheProxy_ForwardedProtoHttps_CountsAsHttps()
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/akun/masuk");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Contains("secure", Accounts.SetCookie(response, "melokal.af")!.ToLowerInvariant(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_CookiesAreAlwaysSecure_AndHstsGoesOverHttps()
    {
        await using var production = new MelokalFactory(site.Database.ConnectionString, "Production");
        // Served under both names here: the test server's and the public one HSTS needs.
        production.Settings["AllowedHosts"] = "localhost;melokal.kemenperin.go.id";
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var overHttp = await client.GetAsync("/bahasa?ke=en&kembali=%2F");
        Assert.Contains("secure", Accounts.SetCookie(overHttp, ".AspNetCore.Culture")!.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/akun/masuk");
        request.Headers.Add("X-Forwarded-Proto", "https");
        // HSTS is never sent to localhost (it would stick to every local site): use the public name.
        request.Headers.Host = "melokal.kemenperin.go.id";
        var overHttps = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        Assert.Contains("secure", Accounts.SetCookie(overHttps, "melokal.af")!.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", overHttps.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogIn_OnOneInstance_IsAcceptedByAnotherOnTheSameDatabase()
    {
        using var first = site.CreateClient();
        var login = await Accounts.PostLogInAsync(first, "pemilik.busana@melokal.test", "Pemilik-Busana-2026");
        var cookie = Accounts.SetCookie(login, "melokal.auth")!.Split(';')[0];

        await using var secondInstance = new MelokalFactory(site.Database.ConnectionString);
        using var second = secondInstance.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/akun")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/akun");
        request.Headers.Add("Cookie", cookie);
        var response = await second.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pemilik.busana@melokal.test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
