using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Events;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// Event sign-ups send official e-mails and take seats: limited per address and per e-mail, and
/// a name cannot write extra lines into the e-mail.
public sealed class EventAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private WebApplicationFactory<Program> Limited(string bucket, int permits) =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            builder.UseSetting($"RateLimits:Rules:{bucket}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:Rules:{bucket}:Window", "01:00:00");
        });

    private async Task<string> CreateEventAsync()
    {
        var slug = $"acara-serangan-{Guid.NewGuid():N}"[..28];
        await PortalData.ReadAsync(site, async db =>
        {
            db.Events.Add(new CampaignEvent
            {
                Slug = slug,
                Title = "Acara uji " + slug,
                StartsAt = DateTimeOffset.UtcNow.AddDays(30),
                Place = "Bandung",
                Capacity = 50,
                State = EventState.Published,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return slug;
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string slug, string name, string email)
    {
        var page = await client.GetPageAsync($"/acara/{slug}");
        return await client.SubmitAsync(page, "form.form", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Role"] = "Public" });
    }

    private Task<int> RegistrationsAsync(string slug) =>
        PortalData.ReadAsync(site, db => db.EventRegistrations.CountAsync(r => r.Event!.Slug == slug));

    [Fact]
    public async Task Register_ManySignUpsFromOneAddress_AreRefusedPastTheLimit_With429()
    {
        await using var limited = Limited("event-registration", 3);
        var slug = await CreateEventAsync();
        using var client = Accounts.ClientFrom(limited, "198.51.100.220");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, slug, "Peserta " + i, Accounts.NewEmail("banjir"))).StatusCode);
        }
        var refused = await RegisterAsync(client, slug, "Peserta 4", Accounts.NewEmail("banjir"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(3, await RegistrationsAsync(slug));
    }

    [Fact]
    public async Task Register_OneEmailAcrossEvents_IsRefusedPastTheLimit_SoNobodyIsMailedOverAndOver()
    {
        await using var limited = Limited("event-registration-email", 1);
        var first = await CreateEventAsync();
        var second = await CreateEventAsync();
        var victim = Accounts.NewEmail("korban");

        using var one = Accounts.ClientFrom(limited, "198.51.100.221");
        using var two = Accounts.ClientFrom(limited, "198.51.100.222");
        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(one, first, "Korban", victim)).StatusCode);
        var refused = await RegisterAsync(two, second, "Korban", victim);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Terlalu banyak pendaftaran dengan e-mail ini", await Accounts.AlertOf(refused), StringComparison.Ordinal);
        Assert.Equal(0, await RegistrationsAsync(second));
        Assert.Single(site.Factory.MailTo(victim));
    }

    [Fact]
    public async Task Register_WithLineBreaksInTheName_StoresAndMailsItAsOneLine()
    {
        var slug = await CreateEventAsync();
        var email = Accounts.NewEmail("baris");
        using var client = site.CreateClient();

        await RegisterAsync(client, slug, "Budi\r\n\r\nSalam,\r\nMenteri Perindustrian", email);

        var name = await PortalData.ReadAsync(site, db => db.EventRegistrations.Where(r => r.Event!.Slug == slug).Select(r => r.Name).SingleAsync());
        Assert.Equal("Budi Salam, Menteri Perindustrian", name);
        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.DoesNotContain("\r\nMenteri Perindustrian", mail, StringComparison.Ordinal);
    }

    private async Task<string> CreateEventAsync(int capacity)
    {
        var slug = await CreateEventAsync();
        await PortalData.ReadAsync(site, db => db.Events.Where(e => e.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(e => e.Capacity, capacity)));
        return slug;
    }

    private Task<RegistrationStatus> StatusOfAsync(string slug, string email) =>
        PortalData.ReadAsync(site, db => db.EventRegistrations.Where(r => r.Event!.Slug == slug && r.Email == email).Select(r => r.Status).SingleAsync());

    [Fact]
    public async Task Register_SomeoneElsesEmail_HoldsThePlaceOnlyUntilTheHoldRunsOut_ThenTheConfirmedWaitingListGetsIt()
    {
        var slug = await CreateEventAsync(capacity: 1);
        var victim = Accounts.NewEmail("bukan-saya");
        var fan = Accounts.NewEmail("penggemar");
        using var attacker = site.CreateClient();
        using var client = site.CreateClient();
        await RegisterAsync(attacker, slug, "Bukan Saya", victim);
        await RegisterAsync(client, slug, "Penggemar", fan);
        await client.PressMailedLinkAsync(site.Factory, fan, "/konfirmasi?");
        Assert.Equal(RegistrationStatus.Held, await StatusOfAsync(slug, victim));
        Assert.Equal(RegistrationStatus.Waitlisted, await StatusOfAsync(slug, fan));

        using (var scope = site.Factory.Services.CreateScope())
        {
            var release = scope.ServiceProvider.GetRequiredService<ReleaseExpiredHoldsCommand>();
            Assert.Equal(1, await release.RunAsync(DateTimeOffset.UtcNow + EventRegistration.HoldFor + TimeSpan.FromMinutes(1), CancellationToken.None));
        }

        Assert.Equal(RegistrationStatus.Expired, await StatusOfAsync(slug, victim));
        Assert.Equal(RegistrationStatus.Confirmed, await StatusOfAsync(slug, fan));
        Assert.Contains("sudah kami catat", site.Factory.MailTo(fan)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmationLink_OpenedByAMailScanner_ConfirmsNothing_AWrongCodeIsRefused()
    {
        var slug = await CreateEventAsync(capacity: 5);
        var email = Accounts.NewEmail("pemindai");
        using var client = site.CreateClient();
        await RegisterAsync(client, slug, "Pemindai", email);
        var link = System.Text.RegularExpressions.Regex.Match(site.Factory.MailTo(email).Single(), @"https?://\S+/konfirmasi\?\S+").Value;
        var path = new Uri(link).PathAndQuery;

        using var scanner = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync(path)).StatusCode);
        Assert.Equal(RegistrationStatus.Held, await StatusOfAsync(slug, email));

        var forged = await client.GetPageAsync(path.Replace("kode=", "kode=x", StringComparison.Ordinal));
        var refused = await client.SubmitAsync(forged, "main form");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("tidak berlaku", await Accounts.AlertOf(refused), StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Held, await StatusOfAsync(slug, email));
    }
}
