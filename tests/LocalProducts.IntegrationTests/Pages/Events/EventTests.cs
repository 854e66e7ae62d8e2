using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Events;

public sealed class EventTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Get_Events_ListsTheUpcomingSeededEvents()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/acara");

        var titles = page.QuerySelectorAll(".event-item h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Ngobrol Santai #Melokal: Cerita di Balik Produk Lokal", titles);
        Assert.Contains("WIB", page.QuerySelector(".event-item time")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Register_HoldsThePlace_TheMailedLinkConfirmsIt_ThenTheCalendarLinkIsMailed()
    {
        var slug = await CreateEventAsync(capacity: 10);
        using var client = site.CreateClient();

        var response = await RegisterAsync(client, slug, "Sari Wulandari", "sari.wulandari@contoh.test", whatsApp: "0812 1111 2222", role: "Ikm");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Tinggal satu langkah", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var held = await QueryAsync(db => db.EventRegistrations.SingleAsync(r => r.Event!.Slug == slug));
        Assert.Equal(RegistrationStatus.Held, held.Status);
        Assert.Equal("+6281211112222", held.WhatsApp);
        Assert.Equal(RegistrantRole.Ikm, held.Role);

        var confirmed = await ConfirmAsync(client, "sari.wulandari@contoh.test");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var page = await client.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains("tempat Anda sudah dicatat", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(RegistrationStatus.Confirmed, await QueryAsync(db => db.EventRegistrations.Where(r => r.Event!.Slug == slug).Select(r => r.Status).SingleAsync()));
        var mails = site.Factory.MailTo("sari.wulandari@contoh.test");
        Assert.Equal(2, mails.Count);
        Assert.Contains($"/acara/{slug}/kalender.ics", mails[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Register_SameEmailTwice_SaysItIsAlreadyRegistered()
    {
        var slug = await CreateEventAsync(capacity: 10);
        using var client = site.CreateClient();
        await RegisterAsync(client, slug, "Budi", "budi.dua@contoh.test");

        var response = await RegisterAsync(client, slug, "Budi lagi", "  BUDI.Dua@contoh.test ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("sudah terdaftar", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.EventRegistrations.CountAsync(r => r.Event!.Slug == slug)));
    }

    [Fact]
    public async Task Post_Register_ManyAtOnce_NeverOverbooks()
    {
        const int capacity = 4;
        var slug = await CreateEventAsync(capacity);
        var attempts = Enumerable.Range(1, 12).Select(async i =>
        {
            using var client = site.CreateClient();
            return await RegisterAsync(client, slug, $"Peserta {i}", $"peserta.{i}@contoh.test");
        });

        var responses = await Task.WhenAll(attempts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var statuses = await QueryAsync(db => db.EventRegistrations.Where(r => r.Event!.Slug == slug).Select(r => r.Status).ToListAsync());
        Assert.Equal(capacity, statuses.Count(s => s == RegistrationStatus.Held));
        Assert.Equal(12 - capacity, statuses.Count(s => s == RegistrationStatus.Waitlisted));
    }

    [Fact]
    public async Task Post_Register_BadInput_ShowsMessagesAndSavesNothing()
    {
        var slug = await CreateEventAsync(capacity: 10);
        using var client = site.CreateClient();

        var response = await RegisterAsync(client, slug, "", "bukan-email", whatsApp: "021 555", role: "Raja");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Isi Nama.", page.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tidak valid", page.QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("WhatsApp tidak valid", page.QuerySelector("#wa-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.EventRegistrations.CountAsync(r => r.Event!.Slug == slug)));
    }

    [Fact]
    public async Task Post_Register_WithoutAntiforgeryToken_IsRefused()
    {
        var slug = await CreateEventAsync(capacity: 10);
        using var client = site.CreateClient();

        var response = await client.PostAsync($"/acara/{slug}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Tanpa token",
            ["Input.Email"] = "tanpa.token@contoh.test",
            ["Input.Role"] = "Public",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await QueryAsync(db => db.EventRegistrations.CountAsync(r => r.Event!.Slug == slug)));
    }

    [Fact]
    public async Task Get_CalendarFile_IsAnICalendarEvent()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/acara/ngobrol-santai-melokal-jakarta/kalender.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Ngobrol Santai #Melokal: Cerita di Balik Produk Lokal", ics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/acara")]
    [InlineData("/admin/acara/ubah")]
    public async Task Get_AdminEvents_Anonymous_IsSentToLogIn(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AdminEvents_AsIkmOwner_IsForbidden()
    {
        using var client = site.CreateClient();
        await client.LogInAsync("pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");

        var response = await client.GetAsync("/admin/acara");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_AdminEvent_StartInThePast_IsRefusedWithAMessage()
    {
        using var client = await StaffClientAsync();
        var form = await client.GetPageAsync("/admin/acara/ubah");

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Acara kemarin",
            ["Input.StartsAt"] = "2020-01-01T10:00",
            ["Input.Place"] = "Jakarta",
            ["Input.Capacity"] = "10",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("sudah lewat", page.QuerySelector("#starts-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Events.AnyAsync(e => e.Title == "Acara kemarin")));
    }

    [Fact]
    public async Task Post_AdminEvent_CreatesItInWib_AndTheTakenSlugIsRefused()
    {
        using var client = await StaffClientAsync();
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = "Temu <b>IKM</b> Kopi",
            ["Input.Slug"] = "temu-ikm-kopi-staf",
            ["Input.StartsAt"] = "2030-03-01T19:30",
            ["Input.Place"] = "Denpasar",
            ["Input.Capacity"] = "25",
            ["Input.State"] = "Published",
        };

        var created = await client.SubmitAsync(await client.GetPageAsync("/admin/acara/ubah"), "main form", values);
        var again = await client.SubmitAsync(await client.GetPageAsync("/admin/acara/ubah"), "main form", values);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var ev = await QueryAsync(db => db.Events.SingleAsync(e => e.Slug == "temu-ikm-kopi-staf"));
        Assert.Equal(new DateTimeOffset(2030, 3, 1, 12, 30, 0, TimeSpan.Zero), ev.StartsAt);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("sudah dipakai", (await SiteFixture.ParseAsync(again)).QuerySelector("#slug-error")!.TextContent, StringComparison.Ordinal);
        using var reader = site.CreateClient();
        var publicPage = await reader.GetStringAsync("/acara/temu-ikm-kopi-staf");
        Assert.Contains("Temu &lt;b&gt;IKM&lt;/b&gt; Kopi", publicPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AdminCancel_MovesTheFirstOnTheWaitingListUp_AndTellsThem()
    {
        var slug = await CreateEventAsync(capacity: 1);
        using (var reader = site.CreateClient())
        {
            await RegisterAsync(reader, slug, "Pertama", "pertama@contoh.test");
            await RegisterAsync(reader, slug, "Kedua", "kedua@contoh.test");
            await ConfirmAsync(reader, "pertama@contoh.test");
            await ConfirmAsync(reader, "kedua@contoh.test");
        }
        var (eventId, firstId) = await QueryAsync(async db =>
        {
            var first = await db.EventRegistrations.SingleAsync(r => r.Email == "pertama@contoh.test" && r.Event!.Slug == slug);
            return (first.EventId, first.Id);
        });
        using var client = await StaffClientAsync();
        var list = await client.GetPageAsync($"/admin/acara/{eventId}/peserta");

        var response = await client.SubmitAsync(list, $"#batal-{firstId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = await QueryAsync(db => db.EventRegistrations.SingleAsync(r => r.Email == "kedua@contoh.test" && r.Event!.Slug == slug));
        Assert.Equal(RegistrationStatus.Confirmed, second.Status);
        var mails = site.Factory.MailTo("kedua@contoh.test");
        Assert.Equal(3, mails.Count);
        Assert.Contains("daftar tunggu", mails[1], StringComparison.Ordinal);
        Assert.Contains("sudah kami catat", mails[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AdminCsv_ListsEveryone_WithFormulasDefused()
    {
        var slug = await CreateEventAsync(capacity: 5);
        using (var reader = site.CreateClient())
        {
            await RegisterAsync(reader, slug, "=HYPERLINK(\"http://evil.example\")", "formula@contoh.test");
        }
        var eventId = await QueryAsync(db => db.Events.Where(e => e.Slug == slug).Select(e => e.Id).SingleAsync());
        using var client = await StaffClientAsync();

        var response = await client.GetAsync($"/admin/acara/{eventId}/peserta?handler=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("nama,email,whatsapp,peran,status", csv, StringComparison.Ordinal);
        Assert.Contains("formula@contoh.test", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AdminAttendance_MarksOnlyTheTickedPeople()
    {
        var slug = await CreateEventAsync(capacity: 5);
        using (var reader = site.CreateClient())
        {
            await RegisterAsync(reader, slug, "Datang", "datang@contoh.test");
            await RegisterAsync(reader, slug, "Absen", "absen@contoh.test");
            await ConfirmAsync(reader, "datang@contoh.test");
            await ConfirmAsync(reader, "absen@contoh.test");
        }
        var (eventId, cameId) = await QueryAsync(async db =>
        {
            var came = await db.EventRegistrations.SingleAsync(r => r.Email == "datang@contoh.test" && r.Event!.Slug == slug);
            return (came.EventId, came.Id);
        });
        using var client = await StaffClientAsync();
        var list = await client.GetPageAsync($"/admin/acara/{eventId}/peserta");

        var response = await client.SubmitAsync(list, "#hadir", new Dictionary<string, string> { ["hadir"] = cameId.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var attended = await QueryAsync(db => db.EventRegistrations.Where(r => r.Event!.Slug == slug && r.AttendedAt != null).Select(r => r.Email).ToListAsync());
        Assert.Equal(["datang@contoh.test"], attended);
    }

    private Task<HttpClient> StaffClientAsync() => LogInAsync("staf@melokal.test", "Staf-Melokal-2026");

    private async Task<HttpClient> LogInAsync(string email, string password)
    {
        var client = site.CreateClient();
        await client.LogInAsync(email, password);
        return client;
    }

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string slug, string name, string email, string? whatsApp = null, string role = "Public")
    {
        var page = await client.GetPageAsync($"/acara/{slug}");
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Role"] = role };
        if (whatsApp is not null)
        {
            values["Input.WhatsApp"] = whatsApp;
        }
        return await client.SubmitAsync(page, "form.form", values);
    }

    private Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string email) => client.PressMailedLinkAsync(site.Factory, email, "/konfirmasi?");

    private async Task<string> CreateEventAsync(int capacity)
    {
        var slug = $"acara-uji-{Guid.NewGuid():N}"[..24];
        await QueryAsync(async db =>
        {
            db.Events.Add(new CampaignEvent
            {
                Slug = slug,
                Title = "Acara uji " + slug,
                StartsAt = DateTimeOffset.UtcNow.AddDays(30),
                Place = "Bandung",
                Capacity = capacity,
                State = EventState.Published,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        return slug;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
