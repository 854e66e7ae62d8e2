using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LocalProducts.IntegrationTests.Security;

/// Attacks on the password step: telling which addresses have an account, and keeping someone
/// out by sending wrong passwords for their address.
public sealed class LogInAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Locked = "Akun dikunci sementara";

    /// Counts password checks, to see that an attempt costs the same whether the account exists.
    private sealed class CountingPasswordHasher(IPasswordHasher<AppUser> inner, HashCounter counter) : IPasswordHasher<AppUser>
    {
        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref counter.Verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class HashCounter
    {
        public int Verifications;
    }

    /// A second instance on the class's database with the rate limits on, small limits and short
    /// delays; each client comes from its own address so only the per-account limit counts.
    private WebApplicationFactory<Program> LimitedInstance(int accountLimit) =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            builder.UseSetting("RateLimits:Rules:log-in-account:PermitLimit", accountLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:Rules:log-in-account:Window", "01:00:00");
            builder.UseSetting("RateLimits:LogInDelay", "00:00:00.050");
        });

    private static int _addresses;

    private static HttpClient NewClient(WebApplicationFactory<Program> instance) =>
        Accounts.ClientFrom(instance, $"198.51.100.{Interlocked.Increment(ref _addresses)}");

    [Fact]
    public async Task LogIn_UnknownEmail_ComputesAPasswordHash_AsAKnownOneDoes()
    {
        var counter = new HashCounter();
        await using var counted = site.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<IPasswordHasher<AppUser>>(provider =>
                new CountingPasswordHasher(new PasswordHasher<AppUser>(provider.GetService<IOptions<PasswordHasherOptions>>()), counter))));
        var known = Accounts.NewEmail("ada");
        await Accounts.CreateAsync(site.Factory, known);
        using var client = counted.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var before = counter.Verifications;
        var knownAnswer = await Accounts.PostLogInAsync(client, known, "tebakan yang salah sekali");
        var forKnown = counter.Verifications - before;
        before = counter.Verifications;
        var unknownAnswer = await Accounts.PostLogInAsync(client, Accounts.NewEmail("tidak-ada"), "tebakan yang salah sekali");
        var forUnknown = counter.Verifications - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
        Assert.Equal(await Accounts.AlertOf(knownAnswer), await Accounts.AlertOf(unknownAnswer));
    }

    [Fact]
    public async Task LogIn_FifthWrongPasswordForUnknownEmail_SaysTheSameAsForAKnownOne()
    {
        var known = Accounts.NewEmail("dikunci-ada");
        await Accounts.CreateAsync(site.Factory, known);
        var unknown = Accounts.NewEmail("dikunci-tidak-ada");
        using var client = site.CreateClient();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var forKnown = await Accounts.AlertOf(await Accounts.PostLogInAsync(client, known, $"tebakan salah nomor {attempt}"));
            var forUnknown = await Accounts.AlertOf(await Accounts.PostLogInAsync(client, unknown, $"tebakan salah nomor {attempt}"));

            Assert.Equal(forKnown, forUnknown);
            Assert.Equal(attempt >= 5, forUnknown.Contains(Locked, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task LogIn_WrongPasswordForAnAdminLockedAccount_SaysTheSameAsForAnUnknownEmail()
    {
        var email = Accounts.NewEmail("dikunci-admin");
        await Accounts.CreateAsync(site.Factory, email);
        using (var scope = site.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, AppUser.LockedUntilLifted);
        }
        using var client = site.CreateClient();

        var forLocked = await Accounts.AlertOf(await Accounts.PostLogInAsync(client, email, "tebakan yang salah"));
        var forUnknown = await Accounts.AlertOf(await Accounts.PostLogInAsync(client, Accounts.NewEmail("tidak-ada"), "tebakan yang salah"));

        Assert.Equal(forUnknown, forLocked);
        // Whoever knows the password is told why.
        Assert.Contains("dikunci oleh admin", await Accounts.AlertOf(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogIn_AccountLimit_IsNotUsedUpBySuccessfulLogIns()
    {
        await using var instance = LimitedInstance(accountLimit: 2);
        var email = Accounts.NewEmail("sering-masuk");
        await Accounts.CreateAsync(site.Factory, email);

        for (var i = 0; i < 4; i++)
        {
            using var client = NewClient(instance);
            Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(client, email, Accounts.GoodPassword), "/dasbor");
        }
    }

    [Fact]
    public async Task LogIn_StrangersWrongPasswordsPastTheAccountLimit_DoNotKeepTheOwnerOut()
    {
        await using var instance = LimitedInstance(accountLimit: 2);
        var email = Accounts.NewEmail("diserang");
        await Accounts.CreateAsync(site.Factory, email);

        // Four strangers, fewer than Identity's lock-out (five) but twice the account's limit.
        for (var i = 0; i < 4; i++)
        {
            using var stranger = NewClient(instance);
            var answer = await Accounts.PostLogInAsync(stranger, email, $"tebakan orang lain {i}");
            Assert.Equal(i < 2 ? HttpStatusCode.OK : HttpStatusCode.TooManyRequests, answer.StatusCode);
        }
        using var owner = NewClient(instance);

        Accounts.AssertRedirectsTo(await Accounts.PostLogInAsync(owner, email, Accounts.GoodPassword), "/dasbor");
    }

    [Fact]
    public async Task LogIn_AccountLimitReachedByStrangers_IsClearedByACompletedPasswordReset()
    {
        await using var instance = LimitedInstance(accountLimit: 2);
        var email = Accounts.NewEmail("atur-ulang");
        await Accounts.CreateAsync(site.Factory, email);
        for (var i = 0; i < 3; i++)
        {
            using var stranger = NewClient(instance);
            await Accounts.PostLogInAsync(stranger, email, $"tebakan orang lain {i}");
        }
        using var owner = NewClient(instance);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Accounts.PostLogInAsync(owner, email, "salah ketik pemiliknya")).StatusCode);

        var forgot = await owner.SubmitAsync(await owner.GetPageAsync("/akun/lupa-sandi"), "main form", new Dictionary<string, string> { ["Input.Email"] = email });
        Accounts.AssertRedirectsTo(forgot, "/akun/periksa-email");
        var link = Accounts.LinkIn(site.Factory.MailTo(email).Single(), "/akun/atur-ulang-sandi");
        var reset = await owner.SubmitAsync(await owner.GetPageAsync(link), "main form", new Dictionary<string, string>
        {
            ["Input.Password"] = "teh manis untuk tamu sore",
            ["Input.ConfirmPassword"] = "teh manis untuk tamu sore",
        });
        Accounts.AssertRedirectsTo(reset, "/akun/masuk");

        var typo = await Accounts.PostLogInAsync(owner, email, "salah ketik lagi");
        Assert.Equal(HttpStatusCode.OK, typo.StatusCode);
        var key = RateLimitKeys.ForEmail(email);
        using var scope = site.Factory.Services.CreateScope();
        var counted = await scope.ServiceProvider.GetRequiredService<AppDbContext>().RateLimitWindows
            .Where(w => w.Bucket == RateLimitBuckets.LogInAccount && w.Key == key).SumAsync(w => w.Hits);
        Assert.Equal(1, counted);
    }
}
