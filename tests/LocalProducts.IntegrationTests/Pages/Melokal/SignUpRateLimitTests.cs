using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

/// The sign-up form is public and sends mail: limited per client address and per e-mail address.
public sealed class SignUpRateLimitTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private WebApplicationFactory<Program> Limited(string bucket, int permits) =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            builder.UseSetting($"RateLimits:Rules:{bucket}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:Rules:{bucket}:Window", "01:00:00");
        });

    private Task<int> EntriesAsync(int roundId) =>
        MelokalSignUpData.WithDbAsync(site, db => db.RoundEntries.CountAsync(e => e.RoundId == roundId));

    [Fact]
    public async Task Post_SignUp_ManyFromOneAddress_AreRefusedPastTheLimit_With429()
    {
        await using var limited = Limited("melokal-sign-up", 3);
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        using var client = Accounts.ClientFrom(limited, "198.51.100.230");

        for (var i = 0; i < 3; i++)
        {
            var ok = await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("banjir"), MelokalSignUpData.NewHandle());
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        var refused = await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("banjir"), MelokalSignUpData.NewHandle());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak percobaan", (await SiteFixture.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, await EntriesAsync(round.Id));
    }

    [Fact]
    public async Task Post_SignUp_OneEmailFromManyAddresses_IsRefusedPastTheLimit_SoNobodyIsMailedOverAndOver()
    {
        await using var limited = Limited("melokal-sign-up-email", 2);
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var victim = MelokalSignUpData.NewEmail("korban");
        var handle = MelokalSignUpData.NewHandle();

        for (var i = 0; i < 2; i++)
        {
            using var client = Accounts.ClientFrom(limited, $"198.51.100.{231 + i}");
            await MelokalSignUpData.SignUpAsync(client, round, victim, handle);
        }
        using var last = Accounts.ClientFrom(limited, "198.51.100.240");
        var refused = await MelokalSignUpData.SignUpAsync(last, round, victim, handle);

        Assert.Contains("Terlalu banyak pendaftaran dengan e-mail ini", (await SiteFixture.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, site.Factory.MailTo(victim).Count);
        Assert.Equal(1, await EntriesAsync(round.Id));
    }
}
