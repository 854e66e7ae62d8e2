using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;

namespace LocalProducts.IntegrationTests.MultiInstance;

/// Sign-in cookies are protected by the key ring in PostgreSQL and ended sessions are kept
/// there: any instance honours a log-in made on another, and a log-out ends it on all.
[Collection(ClusterTestGroup.Name)]
public sealed class SessionsAcrossInstancesTests(ClusterFixture cluster)
{
    private const string Owner = "pemilik.kopi@melokal.test";
    private const string OwnerPassword = "Pemilik-Kopi-2026";

    [Fact]
    public async Task LogIn_OnOneInstance_IsHonouredByEveryInstance_AndLogOutEndsItEverywhere()
    {
        var browser = new CookieContainer();
        using var first = ClusterFixture.Client(cluster.Instances[0], "127.0.0.11", browser);
        var response = await Accounts.PostLogInAsync(first, Owner, OwnerPassword);
        Accounts.AssertRedirectsTo(response, "/dasbor");

        foreach (var target in cluster.AllTargets)
        {
            using var client = ClusterFixture.Client(target, "127.0.0.11", browser);
            // Through nginx three times: round robin reaches each instance.
            for (var i = 0; i < (target == cluster.Nginx ? 3 : 1); i++)
            {
                using var dashboard = await client.GetAsync("/dasbor");
                Assert.True(dashboard.StatusCode == HttpStatusCode.OK, $"{target}/dasbor answered {(int)dashboard.StatusCode} after a log-in on instance 1");
            }
        }
        // What a thief would copy from the browser before its owner logs out.
        var copiedCookies = browser.GetCookieHeader(cluster.Nginx);

        using (var third = ClusterFixture.Client(cluster.Instances[2], "127.0.0.11", browser))
        {
            var logout = await third.GetPageAsync("/akun/keluar");
            Assert.Equal(HttpStatusCode.Redirect, (await third.SubmitAsync(logout, "main form")).StatusCode);
        }

        foreach (var target in cluster.AllTargets)
        {
            using var thief = ClusterFixture.Client(target, "127.0.0.12");
            for (var i = 0; i < (target == cluster.Nginx ? 3 : 1); i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/dasbor");
                request.Headers.Add("Cookie", copiedCookies);
                using var dashboard = await thief.SendAsync(request);
                Accounts.AssertRedirectsTo(dashboard, "/akun/masuk");
            }
        }
    }
}
