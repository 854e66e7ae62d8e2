using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// Staff approve or decline sign-ups (/admin/melokal/{id}/peserta); the influencer is told by mail.
public sealed class EntryDecisionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private Task<RoundEntry> EntryAsync(int id) =>
        MelokalRoundData.ReadAsync(site, db => db.RoundEntries.AsNoTracking().SingleAsync(e => e.Id == id));

    private static string DecideForm(string action, int entryId) => $"form[data-action='{action}'][data-entry='{entryId}']";

    [Fact]
    public async Task Get_Entries_PendingFirst_WithContactsAndHandles_UnconfirmedApart()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var roundId = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var approved = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Approved);
        var pending = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Pending, "Rara <b>Kopi</b>");
        var unconfirmed = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Unconfirmed);
        using var client = await MelokalRoundData.StaffClientAsync(site);

        var page = await client.GetPageAsync($"/admin/melokal/{roundId}/peserta");

        var cards = page.QuerySelectorAll("li[data-entry]").Select(li => li.GetAttribute("data-entry")).ToList();
        Assert.Equal([pending.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), approved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], cards);
        var card = page.QuerySelector($"li[data-entry='{pending.Id}']")!.TextContent;
        foreach (var expected in new[] { "Rara <b>Kopi</b>", "Denpasar", pending.Email, "+6281298765432", "Instagram", "12.500 pengikut", "TikTok" })
        {
            Assert.Contains(expected, card, StringComparison.Ordinal);
        }
        Assert.Equal("1", page.QuerySelector("[data-count='unconfirmed']")!.TextContent);
        Assert.Contains(unconfirmed.Email, page.QuerySelector("#belum-konfirmasi")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(DecideForm("approve", approved.Id)));
        Assert.NotNull(page.QuerySelector(DecideForm("decline", approved.Id)));
    }

    [Fact]
    public async Task Post_Approve_MailsTheOwnLinkOnThePublicAddress_EvenWithAForgedHost()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var roundId = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var round = await MelokalRoundData.ReadAsync(site, db => db.InfluencerRounds.AsNoTracking().SingleAsync(r => r.Id == roundId));
        var entry = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Pending);
        using var client = await MelokalRoundData.StaffClientAsync(site);
        client.DefaultRequestHeaders.Host = "evil.example";

        var response = await client.SubmitAsync(await client.GetPageAsync($"/admin/melokal/{roundId}/peserta"), DecideForm("approve", entry.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await EntryAsync(entry.Id);
        Assert.Equal(EntryStatus.Approved, saved.Status);
        Assert.NotNull(saved.DecidedBy);
        var mail = Assert.Single(site.Factory.MailTo(entry.Email));
        Assert.DoesNotContain("evil.example", mail, StringComparison.OrdinalIgnoreCase);
        var link = Accounts.LinkIn(mail, $"/melokal/kiriman/{entry.Id}");
        Assert.Contains($"http://localhost/melokal/kiriman/{entry.Id}?kode=", mail, StringComparison.Ordinal);
        var code = Uri.UnescapeDataString(link.Split("kode=")[1]);
        Assert.True(saved.IsSubmissionCode(code));
        Assert.Contains("1 Februari 2030", mail, StringComparison.Ordinal);
        Assert.Contains("7 Februari 2030", mail, StringComparison.Ordinal);
        Assert.Contains(round.Rules!, mail, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/kampanye/{campaign.Slug}/peringkat/{round.Slug}", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Approve_TwoStaffAtOnce_SecondIsToldItWasDecided_AndNoSecondMail()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var roundId = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var entry = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Pending);
        using var first = await MelokalRoundData.StaffClientAsync(site);
        using var second = await MelokalRoundData.StaffClientAsync(site);
        var firstPage = await first.GetPageAsync($"/admin/melokal/{roundId}/peserta");
        var secondPage = await second.GetPageAsync($"/admin/melokal/{roundId}/peserta");

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(firstPage, DecideForm("approve", entry.Id))).StatusCode);
        var again = await second.SubmitAsync(secondPage, DecideForm("decline", entry.Id), new Dictionary<string, string> { ["Reason"] = "Terlambat." });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("sudah diputuskan", (await SiteFixture.ParseAsync(again)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Approved, (await EntryAsync(entry.Id)).Status);
        Assert.Single(site.Factory.MailTo(entry.Email));
        var twice = await second.SubmitAsync(secondPage, DecideForm("approve", entry.Id));
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Single(site.Factory.MailTo(entry.Email));
    }

    [Fact]
    public async Task Post_Decline_NeedsAReason_ThenMailsIt()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var roundId = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var entry = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Pending);
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var page = await client.GetPageAsync($"/admin/melokal/{roundId}/peserta");

        var refused = await client.SubmitAsync(page, DecideForm("decline", entry.Id), new Dictionary<string, string> { ["Reason"] = "   " });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await SiteFixture.ParseAsync(refused);
        Assert.Contains("Tulis alasan penolakan", form.QuerySelector($"#alasan-{entry.Id}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Pending, (await EntryAsync(entry.Id)).Status);
        Assert.Empty(site.Factory.MailTo(entry.Email));

        const string reason = "Akun TikTok belum memuat konten produk lokal.";
        var declined = await client.SubmitAsync(form, DecideForm("decline", entry.Id), new Dictionary<string, string> { ["Reason"] = reason });

        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var saved = await EntryAsync(entry.Id);
        Assert.Equal(EntryStatus.Declined, saved.Status);
        Assert.Equal(reason, saved.DeclineReason);
        Assert.Contains(reason, Assert.Single(site.Factory.MailTo(entry.Email)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Decide_EntryOfAnotherRound_IsNotFound_AndChangesNothing()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var roundId = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var otherRound = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var own = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Pending);
        var foreign = await MelokalRoundData.CreateEntryAsync(site, otherRound, EntryStatus.Pending);
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var page = await client.GetPageAsync($"/admin/melokal/{roundId}/peserta");
        page.QuerySelector(DecideForm("approve", own.Id))!.SetAttribute("action", $"/admin/melokal/{roundId}/peserta?handler=Approve&entryId={foreign.Id}");

        var response = await client.SubmitAsync(page, DecideForm("approve", own.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(EntryStatus.Pending, (await EntryAsync(foreign.Id)).Status);
        Assert.Empty(site.Factory.MailTo(foreign.Email));
    }

    [Fact]
    public async Task EveryMelokalStaffPage_RefusesAnOwner_OnGetAndPost()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var roundId = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.OpenForSignUp);
        var entry = await MelokalRoundData.CreateEntryAsync(site, roundId, EntryStatus.Pending);
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var pages = new[] { "/admin/melokal", "/admin/melokal/baru", $"/admin/melokal/{roundId}", $"/admin/melokal/{roundId}/ubah", $"/admin/melokal/{roundId}/peserta" };
        var posts = new[]
        {
            "/admin/melokal/baru",
            $"/admin/melokal/{roundId}/ubah",
            $"/admin/melokal/{roundId}?handler=Move&to=Monitoring",
            $"/admin/melokal/{roundId}/peserta?handler=Approve&entryId={entry.Id}&seen=Pending",
            $"/admin/melokal/{roundId}/peserta?handler=Decline&entryId={entry.Id}&seen=Pending&Reason=tidak",
        };

        foreach (var path in pages)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
        foreach (var path in posts)
        {
            // A real form with a real token, from a page the owner may open, aimed at the staff page.
            var form = PortalData.Retarget(await client.GetPageAsync("/dasbor/usaha"), "main form", path);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SubmitAsync(form, "main form")).StatusCode);
        }
        Assert.Equal(EntryStatus.Pending, (await EntryAsync(entry.Id)).Status);
        Assert.Equal(RoundState.OpenForSignUp, await MelokalRoundData.ReadAsync(site, db => db.InfluencerRounds.Where(r => r.Id == roundId).Select(r => r.State).SingleAsync()));
        Assert.Empty(site.Factory.MailTo(entry.Email));
    }
}
