using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// Staff create, edit and move Melokal rounds (/admin/melokal).
public sealed class RoundAdminTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string ErrorOf(IHtmlDocument page, string id) => page.QuerySelector("#" + id)?.TextContent.Trim() ?? "";

    private Task<InfluencerRound> RoundAsync(int id) =>
        MelokalRoundData.ReadAsync(site, db => db.InfluencerRounds.AsNoTracking().Include(r => r.Prizes).Include(r => r.StateChanges).SingleAsync(r => r.Id == id));

    private Task<int> RoundCountAsync() => MelokalRoundData.ReadAsync(site, db => db.InfluencerRounds.CountAsync());

    private static Dictionary<string, string> Valid(int campaignId, string title) => new()
    {
        ["Input.CampaignId"] = Key(campaignId),
        ["Input.Title"] = title,
        ["Input.WindowStartsOn"] = "2030-04-01",
        ["Input.WindowDays"] = "7",
        ["Input.MinimumPosts"] = "2",
        ["Input.FollowerJumpPercent"] = "10",
        ["Input.FollowerJumpPerDay"] = "5000",
    };

    [Fact]
    public async Task Post_NewRound_BadInput_ShowsAMessageBesideEachField_AndSavesNothing()
    {
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var form = await client.GetPageAsync("/admin/melokal/baru");
        foreach (var box in form.QuerySelectorAll<IHtmlInputElement>("input[name='Input.Platforms']"))
        {
            box.IsChecked = false;
        }
        var before = await RoundCountAsync();

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.WindowDays"] = "61",
            ["Input.MinimumPosts"] = "0",
            ["Input.FollowerJumpPercent"] = "sepuluh",
            ["Input.FollowerJumpPerDay"] = "0",
            ["Input.MoreProducts"] = "produk-yang-tidak-ada-" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Prizes[0].Rank"] = "1",
            ["Input.Prizes[0].Description"] = "Voucher",
            ["Input.Prizes[0].Value"] = "1,5 juta",
            ["Input.Prizes[1].Rank"] = "1",
            ["Input.Prizes[1].Description"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Isi Judul putaran", ErrorOf(page, "title-error"), StringComparison.Ordinal);
        Assert.Contains("Pilih kampanye", ErrorOf(page, "campaign-error"), StringComparison.Ordinal);
        Assert.Contains("Isi hari pertama dipantau", ErrorOf(page, "window-start-error"), StringComparison.Ordinal);
        Assert.Contains("1 sampai 60 hari", ErrorOf(page, "window-days-error"), StringComparison.Ordinal);
        Assert.Contains("setidaknya satu platform", ErrorOf(page, "platforms-error"), StringComparison.Ordinal);
        Assert.Contains("1 sampai 100", ErrorOf(page, "minimum-error"), StringComparison.Ordinal);
        Assert.Contains("Tulis persen", ErrorOf(page, "jump-share-error"), StringComparison.Ordinal);
        Assert.Contains("paling sedikit 1", ErrorOf(page, "jump-day-error"), StringComparison.Ordinal);
        Assert.Contains("produk-yang-tidak-ada", ErrorOf(page, "more-products-error"), StringComparison.Ordinal);
        Assert.Contains("Tulis nilai dalam rupiah", ErrorOf(page, "prize-0-value-error"), StringComparison.Ordinal);
        Assert.Contains("sudah punya hadiah", ErrorOf(page, "prize-1-rank-error"), StringComparison.Ordinal);
        Assert.Contains("Tulis hadiahnya", ErrorOf(page, "prize-1-description-error"), StringComparison.Ordinal);
        Assert.Equal("Voucher", page.QuerySelector<IHtmlInputElement>("#Input_Prizes_0__Description")!.Value);
        Assert.Equal(before, await RoundCountAsync());
    }

    [Fact]
    public async Task Post_NewRound_WithEventAndNoStart_WatchesFromTheDayAfterTheEventInWib()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        // 10 March 2030, 18.00 UTC is already 11 March, 01.00 in WIB: the window starts on 12 March.
        var eventId = await MelokalRoundData.CreateEventAsync(site, campaign.Id, new DateTimeOffset(2030, 3, 10, 18, 0, 0, TimeSpan.Zero));
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var values = Valid(campaign.Id, "Melokal Jakarta, Maret");
        values["Input.EventId"] = Key(eventId);
        values["Input.WindowStartsOn"] = "";
        values["Input.Prizes[0].Rank"] = "1";
        values["Input.Prizes[0].Description"] = "Voucher belanja produk lokal";
        values["Input.Prizes[0].Value"] = "Rp 1.500.000";
        values["Input.Prizes[1].Rank"] = "2";
        values["Input.Prizes[1].Description"] = "Paket kopi";
        values["Input.Prizes[1].Value"] = "750000";

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/melokal/baru"), "main form", values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var round = await RoundAsync(id);
        Assert.Equal(new DateOnly(2030, 3, 12), round.WindowStartsOn);
        Assert.Equal(eventId, round.EventId);
        Assert.Equal("melokal-jakarta-maret", round.Slug);
        Assert.Equal(RoundState.Draft, round.State);
        Assert.Equal(SocialPlatforms.All, round.Platforms);
        Assert.Equal(0.10m, round.FollowerJumpShare);
        Assert.Equal([(1, 1_500_000L), (2, 750_000L)], round.Prizes.OrderBy(p => p.Rank).Select(p => (p.Rank, p.ValueRupiah)));
        var overview = await client.GetPageAsync($"/admin/melokal/{id}");
        Assert.Contains("12 Maret 2030", overview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(overview.QuerySelector($"a[href='/kampanye/{campaign.Slug}/peringkat/melokal-jakarta-maret']"));
        Assert.NotNull(overview.QuerySelector($"a[href='/kampanye/{campaign.Slug}/melokal/melokal-jakarta-maret/daftar']"));
        foreach (var part in new[] { "peserta", "konten", "impor", "tanda", "final" })
        {
            Assert.NotNull(overview.QuerySelector($"a[href='/admin/melokal/{id}/{part}']"));
        }
        var list = await client.GetPageAsync("/admin/melokal");
        Assert.NotNull(list.QuerySelector($"tr[data-round='{id}'] a[href='/admin/melokal/{id}']"));
    }

    [Fact]
    public async Task Post_NewRound_EventOfAnotherCampaign_IsRefused()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var other = await MelokalRoundData.CreateCampaignAsync(site);
        var eventId = await MelokalRoundData.CreateEventAsync(site, other.Id, new DateTimeOffset(2030, 3, 10, 3, 0, 0, TimeSpan.Zero));
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var values = Valid(campaign.Id, "Putaran salah acara");
        values["Input.EventId"] = Key(eventId);

        var response = await client.SubmitAsync(await client.GetPageAsync("/admin/melokal/baru"), "main form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bukan bagian dari kampanye", ErrorOf(await SiteFixture.ParseAsync(response), "event-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewRound_SlugIsUniqueWithinItsCampaign_NotAcrossCampaigns()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var other = await MelokalRoundData.CreateCampaignAsync(site);
        using var client = await MelokalRoundData.StaffClientAsync(site);

        async Task<HttpResponseMessage> CreateAsync(int campaignId, string? slug)
        {
            var values = Valid(campaignId, "Melokal Bali, April");
            if (slug is not null)
            {
                values["Input.Slug"] = slug;
            }
            return await client.SubmitAsync(await client.GetPageAsync("/admin/melokal/baru"), "main form", values);
        }
        async Task<string> SlugOfAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return (await RoundAsync(int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture))).Slug;
        }

        Assert.Equal("melokal-bali-april", await SlugOfAsync(await CreateAsync(campaign.Id, null)));
        Assert.Equal("melokal-bali-april-2", await SlugOfAsync(await CreateAsync(campaign.Id, null)));
        Assert.Equal("melokal-bali-april", await SlugOfAsync(await CreateAsync(other.Id, null)));
        var taken = await CreateAsync(campaign.Id, "Melokal Bali April");
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("sudah dipakai putaran lain", ErrorOf(await SiteFixture.ParseAsync(taken), "slug-error"), StringComparison.Ordinal);
        Assert.Equal(2, await MelokalRoundData.ReadAsync(site, db => db.InfluencerRounds.CountAsync(r => r.CampaignId == campaign.Id)));
    }

    [Fact]
    public async Task Post_Edit_TwoStaffAtOnce_SecondSeesTheSavedVersion_AndLosesNothing()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var id = await MelokalRoundData.CreateRoundAsync(site, campaign.Id);
        using var first = await MelokalRoundData.StaffClientAsync(site);
        using var second = await MelokalRoundData.StaffClientAsync(site);
        var firstForm = await first.GetPageAsync($"/admin/melokal/{id}/ubah");
        var secondForm = await second.GetPageAsync($"/admin/melokal/{id}/ubah");

        await AssertSavedAsync(await first.SubmitAsync(firstForm, "main form", new Dictionary<string, string> { ["Input.Title"] = "Judul dari staf pertama" }));
        var conflict = await second.SubmitAsync(secondForm, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Judul dari staf kedua",
            ["Input.Rules"] = "Aturan baru dari staf kedua.",
        });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await SiteFixture.ParseAsync(conflict);
        var notice = page.QuerySelector("section.conflict")!.TextContent;
        Assert.Contains("Judul dari staf pertama", notice, StringComparison.Ordinal);
        Assert.Contains("Judul dari staf kedua", notice, StringComparison.Ordinal);
        Assert.Contains("baru saja disimpan orang lain", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Judul dari staf kedua", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Judul dari staf pertama", (await RoundAsync(id)).Title);

        // Having seen both, the second saves again on purpose.
        await AssertSavedAsync(await second.SubmitAsync(page, "main form"));
        var round = await RoundAsync(id);
        Assert.Equal("Judul dari staf kedua", round.Title);
        Assert.Equal("Aturan baru dari staf kedua.", round.Rules);
    }

    [Fact]
    public async Task Post_Edit_OnceMonitoringStarts_ScoringSettingsAreLocked_TitleRulesAndPrizesStillChange()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var id = await MelokalRoundData.CreateRoundAsync(site, campaign.Id, RoundState.Monitoring);
        var before = await RoundAsync(id);
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var form = await client.GetPageAsync($"/admin/melokal/{id}/ubah");
        Assert.Null(form.QuerySelector("#Input_WindowDays"));
        Assert.Contains("Pengaturan penilaian terkunci", form.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Judul setelah pemantauan",
            ["Input.Rules"] = "Aturan yang diperjelas.",
            ["Input.Prizes[1].Rank"] = "2",
            ["Input.Prizes[1].Description"] = "Hadiah tambahan",
            ["Input.Prizes[1].Value"] = "500.000",
            // Forged: the form no longer has these fields.
            ["Input.WindowDays"] = "30",
            ["Input.MinimumPosts"] = "9",
            ["Input.Slug"] = "alamat-baru",
        });

        await AssertSavedAsync(response);
        var round = await RoundAsync(id);
        Assert.Equal("Judul setelah pemantauan", round.Title);
        Assert.Equal("Aturan yang diperjelas.", round.Rules);
        Assert.Equal([1, 2], round.Prizes.Select(p => p.Rank).Order());
        Assert.Equal(before.WindowDays, round.WindowDays);
        Assert.Equal(before.MinimumPosts, round.MinimumPosts);
        Assert.Equal(before.Slug, round.Slug);
    }

    [Fact]
    public async Task Post_Move_IsRecordedWithWhoAndWhy_StaleAndInvalidMovesChangeNothing()
    {
        var campaign = await MelokalRoundData.CreateCampaignAsync(site);
        var id = await MelokalRoundData.CreateRoundAsync(site, campaign.Id);
        using var client = await MelokalRoundData.StaffClientAsync(site);
        var overview = await client.GetPageAsync($"/admin/melokal/{id}");
        Assert.Equal(["OpenForSignUp"], overview.QuerySelectorAll("form[data-action='move'] button[name='to']").Select(b => b.GetAttribute("value")));

        var moved = await client.SubmitAsync(overview, "form[data-action='move']",
            new Dictionary<string, string> { ["Reason"] = "Hadiah sudah pasti." }, submitName: "to");

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var round = await RoundAsync(id);
        Assert.Equal(RoundState.OpenForSignUp, round.State);
        var change = Assert.Single(round.StateChanges);
        Assert.Equal((RoundState.Draft, RoundState.OpenForSignUp, "Hadiah sudah pasti."), (change.From, change.To, change.Reason));
        var staffName = await MelokalRoundData.ReadAsync(site, db => db.Users.Where(u => u.Email == MelokalRoundData.StaffEmail).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal(staffName, change.By);
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await MelokalRoundData.ReadAsync(site, db => db.AuditEntries.CountAsync(a => a.Action == "round-moved" && a.EntityType == "InfluencerRound" && a.EntityId == idText)));
        var after = await client.GetPageAsync($"/admin/melokal/{id}");
        var history = after.QuerySelector("#riwayat tbody tr")!.TextContent;
        Assert.Contains("Draf", history, StringComparison.Ordinal);
        Assert.Contains("Pendaftaran dibuka", history, StringComparison.Ordinal);
        Assert.Contains("WIB", history, StringComparison.Ordinal);
        Assert.Contains(staffName!, history, StringComparison.Ordinal);

        // The page opened before the move: its version is stale.
        var stale = await client.SubmitAsync(overview, "form[data-action='move']", submitName: "to");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("baru saja diubah orang lain", Errors(await SiteFixture.ParseAsync(stale)), StringComparison.Ordinal);

        // Open for sign-up cannot jump to scoring.
        var invalid = await client.SubmitAsync(after, "form[data-action='move']", new Dictionary<string, string> { ["to"] = "Scoring" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("tidak dapat dipindah", Errors(await SiteFixture.ParseAsync(invalid)), StringComparison.Ordinal);
        round = await RoundAsync(id);
        Assert.Equal(RoundState.OpenForSignUp, round.State);
        Assert.Single(round.StateChanges);
    }

    [Fact]
    public async Task Get_Overview_OfAnUnknownRound_IsNotFound()
    {
        using var client = await MelokalRoundData.StaffClientAsync(site);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/melokal/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/melokal/999999/ubah")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/melokal/999999/peserta")).StatusCode);
    }

    private static string Errors(IHtmlDocument page) => page.QuerySelector(".form-errors")?.TextContent ?? "";

    private static async Task AssertSavedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await SiteFixture.ParseAsync(response);
            Assert.Fail($"Expected a redirect after saving, got {(int)response.StatusCode}: "
                + string.Join(" | ", page.QuerySelectorAll(".form-errors li, .field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0)));
        }
    }
}
