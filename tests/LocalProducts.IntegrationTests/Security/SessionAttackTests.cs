using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Admin.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// Attacks with a stolen sign-in cookie: using it after its owner logged out, and keeping it alive
/// for ever by using it now and then.
public sealed class SessionAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// The site's clock, moved forward by the test.
    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }

    private static async Task<HttpResponseMessage> WithCookieAsync(WebApplicationFactory<Program> instance, string cookie, string url)
    {
        using var thief = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    [Fact]
    public async Task LogOut_CookieCopiedBefore_NoLongerSignsIn_WhileOtherDevicesStay()
    {
        var email = Accounts.NewEmail("keluar");
        await Accounts.CreateAsync(site.Factory, email);
        using var otherDevice = site.CreateClient();
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(otherDevice, email, Accounts.GoodPassword), "/dasbor");
        using var client = site.CreateClient();
        var login = await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword);
        var copied = Accounts.SetCookie(login, "melokal.auth")!.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(site.Factory, copied, "/akun")).StatusCode);

        Accounts.AssertRedirectsTo(await client.SubmitAsync(await client.GetPageAsync("/akun/keluar"), "main form"), "/");

        Accounts.AssertRedirectsTo(await WithCookieAsync(site.Factory, copied, "/akun"), "/akun/masuk");
        Assert.Equal(HttpStatusCode.OK, (await otherDevice.GetAsync("/akun")).StatusCode);
    }

    [Fact]
    public async Task AdminLock_CookieCopiedBefore_NoLongerSignsIn()
    {
        var email = Accounts.NewEmail("kunci-salinan");
        var id = await Accounts.CreateAsync(site.Factory, email);
        using var client = site.CreateClient();
        var copied = Accounts.SetCookie(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "melokal.auth")!.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(site.Factory, copied, "/akun")).StatusCode);

        using (var scope = site.Factory.Services.CreateScope())
        {
            var admin = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("admin@melokal.test");
            Assert.True((await scope.ServiceProvider.GetRequiredService<UserAdminCommand>().LockAsync(admin!.Id, id)).IsSaved);
        }

        Accounts.AssertRedirectsTo(await WithCookieAsync(site.Factory, copied, "/akun"), "/akun/masuk");
    }

    [Fact]
    public async Task Session_KeptBusyForFourteenHours_EndsTwelveHoursAfterSignIn()
    {
        var clock = new ShiftedClock();
        await using var instance = site.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var email = Accounts.NewEmail("sesi-panjang");
        await Accounts.CreateAsync(site.Factory, email);
        using var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "/dasbor");

        // Each visit slides the 8-hour expiry on.
        clock.Offset = TimeSpan.FromHours(7);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/akun")).StatusCode);
        clock.Offset = TimeSpan.FromHours(14);

        Accounts.AssertRedirectsTo(await client.GetAsync("/akun"), "/akun/masuk");
    }
}
