using System.Net;
using LocalProducts.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Account;

/// The limits are counted in PostgreSQL, so they hold across instances. These tests run sites with
/// the limits on (the class's site has them off) and small permits; each client has its own
/// address in X-Forwarded-For, so tests do not count against each other.
public sealed class RateLimitTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private WebApplicationFactory<Program> LimitedInstance(params (string Bucket, int PermitLimit)[] rules) =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            foreach (var (bucket, permits) in rules)
            {
                builder.UseSetting($"RateLimits:Rules:{bucket}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
                builder.UseSetting($"RateLimits:Rules:{bucket}:Window", "01:00:00");
            }
        });

    private static int _addresses;

    /// A fresh client address: IPv4 and IPv6 (counted by its /64) in turn.
    private static string NewAddress()
    {
        var n = Interlocked.Increment(ref _addresses);
        return n % 2 == 0 ? $"198.51.100.{n}" : $"2001:db8:{n:x}::{n:x}";
    }

    [Fact]
    public async Task Post_Login_OverTheLimitFromOneAddress_Answers429WithTheMessage_CountedAcrossInstances()
    {
        await using var instanceA = LimitedInstance(("log-in", 3));
        await using var instanceB = LimitedInstance(("log-in", 3));
        var address = NewAddress();
        using var clientA = Accounts.ClientFrom(instanceA, address);
        using var clientB = Accounts.ClientFrom(instanceB, address);

        Assert.Equal(HttpStatusCode.OK, (await Accounts.PostLogInAsync(clientA, Accounts.NewEmail("a"), "tebakan pertama")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.PostLogInAsync(clientB, Accounts.NewEmail("b"), "tebakan kedua")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Accounts.PostLogInAsync(clientA, Accounts.NewEmail("c"), "tebakan ketiga")).StatusCode);
        var refused = await Accounts.PostLogInAsync(clientB, "pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak percobaan dalam waktu singkat", await Accounts.AlertOf(refused), StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Null(Accounts.SetCookie(refused, "melokal.auth"));

        using var elsewhere = Accounts.ClientFrom(instanceB, "192.0.2.77");
        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(elsewhere, "pemilik.kopi@melokal.test", "Pemilik-Kopi-2026"), "/dasbor");
    }

    [Fact]
    public async Task Post_Login_OneAccountFromManyAddresses_IsLimitedToo_AndOnlyItsHashIsStored()
    {
        await using var instance = LimitedInstance(("log-in-account", 2));
        var email = Accounts.NewEmail("dari-mana-mana");
        await Accounts.CreateAsync(site.Factory, email);

        for (var i = 0; i < 2; i++)
        {
            using var client = Accounts.ClientFrom(instance, $"203.0.113.{10 + i}");
            Assert.Equal(HttpStatusCode.OK, (await Accounts.PostLogInAsync(client, email, $"tebakan {i}")).StatusCode);
        }
        using var last = Accounts.ClientFrom(instance, "203.0.113.99");
        // Past the limit a wrong password is refused; the right one still gets in, only slower
        // (LogInAttackTests).
        var refused = await Accounts.PostLogInAsync(last, email.ToUpperInvariant(), "tebakan lagi");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var scope = site.Factory.Services.CreateScope();
        var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RateLimitWindows.Select(w => w.Key).ToListAsync();
        Assert.DoesNotContain(keys, key => key.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Register_OverTheLimit_Answers429_AndKeepsWhatWasTyped()
    {
        await using var instance = LimitedInstance(("register", 1));
        using var client = Accounts.ClientFrom(instance, NewAddress());
        var page = await client.GetPageAsync("/akun/daftar");
        Accounts.AssertRedirectsTo(await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pertama",
            ["Input.Email"] = Accounts.NewEmail("pertama"),
            ["Input.Password"] = Accounts.GoodPassword,
            ["Input.ConfirmPassword"] = Accounts.GoodPassword,
        }), "/akun/periksa-email");

        var second = Accounts.NewEmail("kedua");
        var refused = await client.SubmitAsync(await client.GetPageAsync("/akun/daftar"), "main form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Kedua",
            ["Input.Email"] = second,
            ["Input.Password"] = Accounts.GoodPassword,
            ["Input.ConfirmPassword"] = Accounts.GoodPassword,
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var shown = await SiteFixture.ParseAsync(refused);
        Assert.Contains("Terlalu banyak percobaan", shown.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(second, shown.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Null(await Accounts.FindAsync(site.Factory, second));
    }

    [Theory]
    [InlineData("/akun/kirim-ulang-konfirmasi", "resend-confirmation")]
    [InlineData("/akun/lupa-sandi", "forgot-password")]
    public async Task Post_EmailForms_OverTheLimit_Answer429(string url, string bucket)
    {
        await using var instance = LimitedInstance((bucket, 1));
        using var client = Accounts.ClientFrom(instance, NewAddress());
        var values = new Dictionary<string, string> { ["Input.Email"] = Accounts.NewEmail("batas") };

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(await client.GetPageAsync(url), "main form", values)).StatusCode);
        var refused = await client.SubmitAsync(await client.GetPageAsync(url), "main form", values);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak percobaan", await Accounts.AlertOf(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ResetPassword_OverTheLimit_Answers429()
    {
        await using var instance = LimitedInstance(("reset-password", 1));
        using var client = Accounts.ClientFrom(instance, NewAddress());
        var url = $"/akun/atur-ulang-sandi?id={Guid.NewGuid()}&kode=QUJD";
        var values = new Dictionary<string, string> { ["Input.Password"] = Accounts.GoodPassword, ["Input.ConfirmPassword"] = Accounts.GoodPassword };

        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(await client.GetPageAsync(url), "main form", values)).StatusCode);
        var refused = await client.SubmitAsync(await client.GetPageAsync(url), "main form", values);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Mail_ToOneAddress_StopsAfterTheHourlyLimit_WhileThePageAnswersTheSame()
    {
        await using var instance = LimitedInstance(("mail-to-address", 2));
        var email = Accounts.NewEmail("banjir");
        await Accounts.CreateAsync(site.Factory, email);

        for (var i = 0; i < 3; i++)
        {
            using var client = Accounts.ClientFrom(instance, $"192.0.2.{100 + i}");
            var response = await client.SubmitAsync(await client.GetPageAsync("/akun/lupa-sandi"), "main form",
                new Dictionary<string, string> { ["Input.Email"] = email });
            Accounts.AssertRedirectsTo(response, "/akun/periksa-email?untuk=sandi");
        }

        Assert.Equal(2, site.Factory.MailTo(email).Count);
    }
}
