using System.Net;
using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Account;

internal static partial class Accounts
{
    /// Long, unrelated words: passes the strength rules.
    public const string GoodPassword = "kopi hangat di pagi hari";

    public static string NewEmail(string purpose) => $"{purpose}.{Guid.NewGuid():N}@contoh.test";

    /// A confirmed account made straight in the database, for tests about something other than
    /// registering.
    public static async Task<Guid> CreateAsync(WebApplicationFactory<Program> site, string email, string role = Roles.IkmOwner,
        string password = GoodPassword, string displayName = "Akun Uji")
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    public static async Task<AppUser?> FindAsync(WebApplicationFactory<Program> site, string email)
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email);
    }

    public static async Task<IList<string>> RolesOfAsync(WebApplicationFactory<Program> site, string email)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
    }

    /// Only the password step, whatever comes after it.
    public static async Task<HttpResponseMessage> PostLogInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetPageAsync("/akun/masuk");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// The path and query of the first link to <paramref name="path"/> in an e-mail.
    public static string LinkIn(string eml, string path)
    {
        var match = Link().Matches(eml).FirstOrDefault(m => new Uri(m.Value).AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in the e-mail:\n{eml}");
        return new Uri(match.Value).PathAndQuery;
    }

    public static async Task<string> AlertOf(HttpResponseMessage response) =>
        (await SiteFixture.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent ?? "";

    public static void AssertRedirectsTo(HttpResponseMessage response, string pathStart)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(pathStart, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    /// A client that comes from its own address, as the forwarded-headers middleware reads it.
    public static HttpClient ClientFrom(WebApplicationFactory<Program> site, string address)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).ForSite(site);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
