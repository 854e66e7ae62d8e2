using System.Net;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

public sealed class SignUpTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private Task<List<RoundEntry>> EntriesAsync(int roundId) =>
        MelokalSignUpData.WithDbAsync(site, db => db.RoundEntries.AsNoTracking().Include(e => e.Handles).Include(e => e.Influencer)
            .Where(e => e.RoundId == roundId).ToListAsync());

    [Fact]
    public async Task Post_SignUp_MailsTheLink_ConfirmingItPutsTheEntryBeforeStaff()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("daftar");
        var handle = MelokalSignUpData.NewHandle();
        using var client = site.CreateClient();

        var response = await MelokalSignUpData.SignUpAsync(client, round, email, "@" + handle, followers: "12.500");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("buka tautan yang kami kirim ke e-mail Anda", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync(round.Id));
        Assert.Equal(EntryStatus.Unconfirmed, entry.Status);
        var saved = Assert.Single(entry.Handles);
        Assert.Equal((SocialPlatform.Instagram, handle, 12_500), (saved.Platform, saved.Handle, saved.Followers));
        Assert.Equal("+6281234567890", entry.Influencer!.WhatsApp);
        Assert.Equal("Bandung", entry.Influencer.City);

        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.Contains($"http://localhost/kampanye/{round.CampaignSlug}/melokal/{round.Slug}/konfirmasi?id={entry.Id}&kode=", mail, StringComparison.Ordinal);
        var confirmed = await client.PressMailedLinkAsync(site.Factory, email, "/konfirmasi");

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var page = await client.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains("e-mail Anda sudah dikonfirmasi", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Pending, Assert.Single(await EntriesAsync(round.Id)).Status);
    }

    [Fact]
    public async Task Get_ConfirmationLink_ShowsTheHandles_AndConfirmsNothingByItself()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("pindai");
        var handle = MelokalSignUpData.NewHandle();
        using var client = site.CreateClient();
        await MelokalSignUpData.SignUpAsync(client, round, email, handle);
        var link = System.Text.RegularExpressions.Regex.Match(Assert.Single(site.Factory.MailTo(email)), @"http://localhost(\S+konfirmasi\S+)").Groups[1].Value;

        var page = await client.GetPageAsync(link);

        Assert.Contains("@" + handle, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Unconfirmed, Assert.Single(await EntriesAsync(round.Id)).Status);
    }

    [Fact]
    public async Task Post_Confirm_WithAWrongCode_SaysTheLinkIsNotValid()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("kode-salah");
        using var client = site.CreateClient();
        await MelokalSignUpData.SignUpAsync(client, round, email, MelokalSignUpData.NewHandle());
        var entry = Assert.Single(await EntriesAsync(round.Id));

        var page = await client.GetPageAsync($"/kampanye/{round.CampaignSlug}/melokal/{round.Slug}/konfirmasi?id={entry.Id}&kode=salah");
        var response = await client.SubmitAsync(page, "main form");

        var refused = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains("tidak berlaku", refused.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("@", refused.QuerySelector("main ul")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Unconfirmed, Assert.Single(await EntriesAsync(round.Id)).Status);
    }

    [Fact]
    public async Task Post_SignUp_TwiceAfterConfirming_SaysAlreadySignedUp_AndKeepsOneEntry()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("dua-kali");
        using var client = site.CreateClient();
        await MelokalSignUpData.SignUpAsync(client, round, email, MelokalSignUpData.NewHandle());
        await client.PressMailedLinkAsync(site.Factory, email, "/konfirmasi");

        var response = await MelokalSignUpData.SignUpAsync(client, round, "  " + email.ToUpperInvariant() + " ", MelokalSignUpData.NewHandle(), name: "Orang Lain");

        var page = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains("sudah terdaftar", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync(round.Id));
        Assert.Equal(EntryStatus.Pending, entry.Status);
        Assert.Equal("Rina Kusuma", entry.Influencer!.Name);
        Assert.Single(site.Factory.MailTo(email));
    }

    [Fact]
    public async Task Post_SignUp_TwiceUnconfirmed_SendsTheConfirmationAgain_WithoutASecondEntry()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("kirim-ulang");
        var handle = MelokalSignUpData.NewHandle();
        using var client = site.CreateClient();
        await MelokalSignUpData.SignUpAsync(client, round, email, handle);

        var response = await MelokalSignUpData.SignUpAsync(client, round, email, handle, followers: "13000");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("sudah terdaftar", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync(round.Id));
        Assert.Equal(13_000, Assert.Single(entry.Handles).Followers);
        Assert.Equal(2, site.Factory.MailTo(email).Count);
        // Only the latest link confirms.
        var confirmed = await client.PressMailedLinkAsync(site.Factory, email, "/konfirmasi");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(EntryStatus.Pending, Assert.Single(await EntriesAsync(round.Id)).Status);
    }

    [Fact]
    public async Task Post_SignUp_AHandleAnotherInfluencerSignedUp_IsRefusedWithAMessage()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var handle = MelokalSignUpData.NewHandle();
        using var client = site.CreateClient();
        await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("pertama"), handle);

        var response = await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("kedua"), "@" + handle.ToUpperInvariant());

        var page = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains("sudah didaftarkan orang lain", page.QuerySelector("#handle-0-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await EntriesAsync(round.Id));
    }

    [Fact]
    public async Task Post_SignUp_AHandleHeldByASignUpNobodyConfirmedForADay_TakesIt()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var handle = MelokalSignUpData.NewHandle();
        using var client = site.CreateClient();
        var squatter = MelokalSignUpData.NewEmail("penyerobot");
        await MelokalSignUpData.SignUpAsync(client, round, squatter, handle);
        await MelokalSignUpData.WithDbAsync(site, db => db.RoundEntries.Where(e => e.RoundId == round.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.SignedUpAt, DateTimeOffset.UtcNow.AddHours(-25))));
        var owner = MelokalSignUpData.NewEmail("pemilik");

        var response = await MelokalSignUpData.SignUpAsync(client, round, owner, handle);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = Assert.Single(await EntriesAsync(round.Id));
        Assert.Equal(Influencer.KeyOf(owner), entry.Influencer!.EmailKey);
        Assert.Equal(EntryHandle.KeyOf(handle), Assert.Single(entry.Handles).HandleKey);
        // The stale sign-up's link now confirms nothing.
        var confirm = await client.PressMailedLinkAsync(site.Factory, squatter, "/konfirmasi?");
        Assert.NotEqual(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(EntryStatus.Unconfirmed, Assert.Single(await EntriesAsync(round.Id)).Status);
    }

    [Theory]
    [InlineData("-50", "#followers-0-error", "tidak boleh negatif")]
    [InlineData("seribu", "#followers-0-error", "harus berupa angka")]
    [InlineData("5000000000", "#followers-0-error", "terlalu besar")]
    [InlineData("", "#followers-0-error", "Isi jumlah pengikut")]
    public async Task Post_SignUp_BadFollowers_AreRefusedWithAMessage(string followers, string errorSelector, string message)
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        using var client = site.CreateClient();

        var response = await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("pengikut"), MelokalSignUpData.NewHandle(), followers);

        var page = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains(message, page.QuerySelector(errorSelector)!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(round.Id));
    }

    [Fact]
    public async Task Post_SignUp_BadHandleEmailAndNoAccount_AreRefusedWithMessages()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        using var client = site.CreateClient();

        var spaces = await MelokalSignUpData.RefusedPageAsync(
            await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("spasi"), "nama kopi"));
        var badEmail = await MelokalSignUpData.RefusedPageAsync(
            await MelokalSignUpData.SignUpAsync(client, round, "bukan-email", MelokalSignUpData.NewHandle()));
        var none = await MelokalSignUpData.RefusedPageAsync(
            await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("kosong"), "", followers: ""));

        Assert.Contains("tidak boleh berisi spasi", spaces.QuerySelector("#handle-0-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tidak valid", badEmail.QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("setidaknya satu akun", none.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(round.Id));
    }

    [Fact]
    public async Task Get_SignUp_OfARoundInMonitoring_SaysItIsClosed_WithoutAForm()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site, RoundState.Monitoring);
        using var client = site.CreateClient();

        var page = await client.GetPageAsync(round.SignUpPath);

        Assert.Contains("sudah ditutup", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form"));
    }

    [Fact]
    public async Task Post_SignUp_AfterTheRoundClosed_IsRefused()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        using var client = site.CreateClient();
        var form = await client.GetPageAsync(round.SignUpPath);
        await MelokalSignUpData.WithDbAsync(site, db => db.InfluencerRounds.Where(r => r.Id == round.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RoundState.Monitoring)));

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Terlambat",
            ["Input.City"] = "Medan",
            ["Input.Email"] = MelokalSignUpData.NewEmail("terlambat"),
            ["Input.Handles[0].Handle"] = MelokalSignUpData.NewHandle(),
            ["Input.Handles[0].Followers"] = "100",
        });

        var page = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains("sudah ditutup", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(round.Id));
    }

    [Fact]
    public async Task Get_SignUp_OfADraftRound_IsNotFound()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site, RoundState.Draft);
        using var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(round.SignUpPath)).StatusCode);
    }

    [Fact]
    public async Task Post_SignUp_WithAForgedHostHeader_MailsTheLinkOnThePublicAddress()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("host-palsu");
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        await MelokalSignUpData.SignUpAsync(client, round, email, MelokalSignUpData.NewHandle());

        var mail = Assert.Single(site.Factory.MailTo(email));
        Assert.DoesNotContain("evil.example", mail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"http://localhost/kampanye/{round.CampaignSlug}/melokal/{round.Slug}/konfirmasi?id=", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SignUp_ForAnAddressWithAConfirmedProfile_LeavesTheProfileAsItWas()
    {
        var first = await MelokalSignUpData.CreateRoundAsync(site);
        var second = await MelokalSignUpData.CreateRoundAsync(site);
        var email = MelokalSignUpData.NewEmail("profil");
        using var client = site.CreateClient();
        await MelokalSignUpData.SignUpAsync(client, first, email, MelokalSignUpData.NewHandle(), name: "Pemilik Asli");
        await client.PressMailedLinkAsync(site.Factory, email, "/konfirmasi");

        var response = await MelokalSignUpData.SignUpAsync(client, second, email, MelokalSignUpData.NewHandle(), name: "Orang Asing",
            more: new Dictionary<string, string> { ["Input.WhatsApp"] = "0813 9999 8888" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var influencer = await MelokalSignUpData.WithDbAsync(site, db => db.Influencers.AsNoTracking().SingleAsync(i => i.EmailKey == email));
        Assert.Equal("Pemilik Asli", influencer.Name);
        Assert.Equal("+6281234567890", influencer.WhatsApp);
        Assert.Equal(EntryStatus.Unconfirmed, Assert.Single(await EntriesAsync(second.Id)).Status);
    }

    [Fact]
    public async Task Get_EventPage_OfAnEventWithAnOpenRound_LinksToTheSignUp()
    {
        var eventSlug = await MelokalSignUpData.CreateEventAsync(site);
        var round = await MelokalSignUpData.CreateRoundAsync(site, eventId: await MelokalSignUpData.EventIdAsync(site, eventSlug));
        var closedEvent = await MelokalSignUpData.CreateEventAsync(site);
        await MelokalSignUpData.CreateRoundAsync(site, RoundState.Monitoring, eventId: await MelokalSignUpData.EventIdAsync(site, closedEvent));
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/acara/{eventSlug}");
        var closed = await client.GetPageAsync($"/acara/{closedEvent}");

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("Daftar program Melokal", StringComparison.Ordinal));
        Assert.Equal(round.SignUpPath, link.GetAttribute("href"));
        Assert.DoesNotContain(closed.QuerySelectorAll("a"), a => a.TextContent.Contains("Daftar program Melokal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfirmedInfluencerRegistration_PointsToThePrefilledSignUp_WhichRecordsTheRegistration()
    {
        var eventSlug = await MelokalSignUpData.CreateEventAsync(site);
        var round = await MelokalSignUpData.CreateRoundAsync(site, eventId: await MelokalSignUpData.EventIdAsync(site, eventSlug));
        var email = MelokalSignUpData.NewEmail("dari-acara");
        using var client = site.CreateClient();
        var eventPage = await client.GetPageAsync($"/acara/{eventSlug}");
        await client.SubmitAsync(eventPage, "form.form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Dewi Lestari",
            ["Input.Email"] = email,
            ["Input.Role"] = "Influencer",
        });
        var confirmed = await client.PressMailedLinkAsync(site.Factory, email, $"/acara/{eventSlug}/konfirmasi");

        Assert.Contains($"http://localhost{round.SignUpPath}?nama=Dewi%20Lestari&email=", site.Factory.MailTo(email)[^1], StringComparison.Ordinal);
        var after = await client.GetPageAsync(confirmed.Headers.Location!.OriginalString);
        var next = after.QuerySelectorAll("a").Single(a => a.TextContent.Contains("program Melokal", StringComparison.Ordinal)
            && a.GetAttribute("href")!.Contains("pendaftaran=", StringComparison.Ordinal)).GetAttribute("href")!;
        var form = await client.GetPageAsync(next);
        Assert.Equal("Dewi Lestari", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input_Name")!).Value);
        Assert.Equal(email, ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input_Email")!).Value);
        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.City"] = "Depok",
            ["Input.Handles[0].Handle"] = MelokalSignUpData.NewHandle(),
            ["Input.Handles[0].Followers"] = "4000",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var registrationId = await MelokalSignUpData.WithDbAsync(site, db => db.EventRegistrations.Where(r => r.EmailKey == email).Select(r => r.Id).SingleAsync());
        Assert.Equal(registrationId, Assert.Single(await EntriesAsync(round.Id)).EventRegistrationId);
    }

    [Fact]
    public async Task Post_SignUp_WithSomeoneElsesRegistrationId_DoesNotRecordIt()
    {
        var eventSlug = await MelokalSignUpData.CreateEventAsync(site);
        var round = await MelokalSignUpData.CreateRoundAsync(site, eventId: await MelokalSignUpData.EventIdAsync(site, eventSlug));
        var victim = MelokalSignUpData.NewEmail("korban");
        using var client = site.CreateClient();
        var eventPage = await client.GetPageAsync($"/acara/{eventSlug}");
        await client.SubmitAsync(eventPage, "form.form", new Dictionary<string, string> { ["Input.Name"] = "Korban", ["Input.Email"] = victim, ["Input.Role"] = "Influencer" });
        await client.PressMailedLinkAsync(site.Factory, victim, $"/acara/{eventSlug}/konfirmasi");
        var registrationId = await MelokalSignUpData.WithDbAsync(site, db => db.EventRegistrations.Where(r => r.EmailKey == victim).Select(r => r.Id).SingleAsync());

        var response = await MelokalSignUpData.SignUpAsync(client, round, MelokalSignUpData.NewEmail("penyerang"), MelokalSignUpData.NewHandle(),
            path: $"{round.SignUpPath}?pendaftaran={registrationId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(Assert.Single(await EntriesAsync(round.Id)).EventRegistrationId);
    }
}
