using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

/// /kampanye/{slug}/peringkat/{round} and its .csv: ranked from stored rows before the round is
/// final, the frozen result after; never an e-mail or a phone number.
public sealed class LeaderboardPageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly MelokalPublicData _data = new(site);

    [Fact]
    public async Task Get_Leaderboard_RanksFromStoredRows_TieGoesToEngagements_UnrankedListedWithReason()
    {
        var (campaignSlug, round) = await ScoringRoundAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{campaignSlug}/peringkat/{round.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        var page = await SiteFixture.ParseAsync(response);
        var ranked = Rows(page, "table.leaderboard");
        // Budi and Ana share a 4 % median; Budi has more engagements (1,200 against 800).
        Assert.Equal(["1", "2", "3"], ranked.Select(r => r[0]));
        Assert.Equal(["Budi", "Ana", "=HYPERLINK(\"http://jahat.test\")"], ranked.Select(r => r[1]));
        Assert.Equal(["@budi (Instagram)", "3/3", "4,00 %", "4,00 %", "0", "1"], ranked[0][2..8]);
        Assert.Equal(["@ana (Instagram), @ana.tiktok (TikTok)", "2/2", "4,00 %", "4,00 %", "12", "0"], ranked[1][2..8]);

        var unranked = Rows(page, "table.unranked");
        Assert.Equal(["Dewi", "Citra"], unranked.Select(r => r[0]));
        Assert.Equal("Dikeluarkan oleh staf", unranked[0][4]);
        Assert.Equal("Kurang dari 2 unggahan yang dinilai", unranked[1][4]);
        Assert.Equal("1/2", unranked[1][2]);

        var text = page.Body!.TextContent;
        Assert.Contains("(suka + komentar + bagikan + simpan) ÷ jumlah pengikut", text, StringComparison.Ordinal);
        Assert.Contains("per pengikut (tidak per tayangan)", text, StringComparison.Ordinal);
        Assert.Contains("Masa pantau: 12 Januari", text, StringComparison.Ordinal);
        Assert.Contains("18 Januari", text, StringComparison.Ordinal);
        Assert.Contains("Minimal 2 unggahan", text, StringComparison.Ordinal);
        Assert.Contains("median lebih tinggi menang; lalu jumlah keterlibatan lebih banyak", text, StringComparison.Ordinal);
        Assert.Contains("dibuat di luar masa pantau", text, StringComparison.Ordinal);
        Assert.Contains("sebagian angka disembunyikan", text, StringComparison.Ordinal);
        Assert.Contains("Masa pantau dimulai", text, StringComparison.Ordinal);
        Assert.Contains("Peringkat sementara", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/kampanye/{campaignSlug}/peringkat/{round.Slug}.csv']"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("@contoh.test", html, StringComparison.Ordinal);
        Assert.DoesNotContain("81234567890", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Leaderboard_InEnglish_WritesTheFormulaInEnglish()
    {
        var (campaignSlug, round) = await ScoringRoundAsync();
        using var client = site.CreateClient();
        await client.GetAsync("/bahasa?ke=en&kembali=/");

        var page = await client.GetPageAsync($"/kampanye/{campaignSlug}/peringkat/{round.Slug}");

        var text = page.Body!.TextContent;
        Assert.Contains("(likes + comments + shares + saves) ÷ followers at the time of the post", text, StringComparison.Ordinal);
        Assert.Contains("4.00 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_LeaderboardCsv_MatchesThePage_WithBom_InvariantDecimals_AndEscapedFormulaCells()
    {
        var (campaignSlug, round) = await ScoringRoundAsync();
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{campaignSlug}/peringkat/{round.Slug}.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"melokal-{campaignSlug}-{round.Slug}.csv", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,name,handles,posts,scored_posts,median_rate_pct,mean_rate_pct,engagements,first_post_wib,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,Budi,budi (Instagram),3,3,4.0000,4.0000,1200,", lines[1], StringComparison.Ordinal);
        Assert.Contains($",{MelokalPublicData.WindowStartThisYear:yyyy}-01-12T10:00:00+07:00,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,Ana,\"ana (Instagram), ana.tiktok (TikTok)\",2,2,4.0000,4.0000,800,", lines[2], StringComparison.Ordinal);
        Assert.Contains(",12,0,,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("3,\"'=HYPERLINK(\"\"http://jahat.test\"\")\",", lines[3], StringComparison.Ordinal);
        Assert.StartsWith(",Dewi,", lines[4], StringComparison.Ordinal);
        Assert.Contains(",excluded,", lines[4], StringComparison.Ordinal);
        Assert.StartsWith(",Citra,", lines[5], StringComparison.Ordinal);
        Assert.Contains(",too_few_posts,", lines[5], StringComparison.Ordinal);
        Assert.Equal(6, lines.Length);
        var csv = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("@contoh.test", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("81234567890", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FinalRound_ShowsTheFrozenResult_WithPrizes_AndTheChangeAfterFinal()
    {
        var (campaignId, campaignSlug) = await _data.CampaignAsync();
        var round = await _data.RoundAsync(campaignId, RoundState.Final,
            prizes: [new RoundPrize { Rank = 1, Description = "Sepeda lipat", ValueRupiah = 5_000_000 }]);
        var ana = await _data.EntryAsync(round, "Ana", handles: (SocialPlatform.Instagram, "ana", 10_000));
        var budi = await _data.EntryAsync(round, "Budi", handles: (SocialPlatform.Instagram, "budi", 10_000));
        // The stored posts would now rank Ana first; the frozen result says Budi, and it shows.
        await _data.PostAsync(ana, MelokalPublicData.Day(MelokalPublicData.WindowStartThisYear, 1), new SnapshotFigures(Likes: 900));
        await _data.PostAsync(ana, MelokalPublicData.Day(MelokalPublicData.WindowStartThisYear, 2), new SnapshotFigures(Likes: 900));
        await _data.ResultsAsync(
            new RoundResult
            {
                RoundId = round.Id,
                EntryId = budi.Id,
                Rank = 1,
                Name = "Budi Beku",
                Handles = "@budi",
                Posts = 2,
                ScoredPosts = 2,
                MedianRate = 0.0512,
                MeanRate = 0.05,
                Engagements = 1_024,
                LinkClicks = 3,
                FlagsCleared = 1,
                Prize = "Sepeda lipat",
                PrizeValueRupiah = 5_000_000
            },
            new RoundResult
            {
                RoundId = round.Id,
                EntryId = ana.Id,
                Rank = null,
                Name = "Ana Beku",
                Handles = "@ana",
                Posts = 1,
                ScoredPosts = 1,
                MedianRate = 0.09,
                MeanRate = 0.09,
                Engagements = 900,
                Unranked = UnrankedReason.TooFewPosts
            });
        await _data.ChangeAfterFinalAsync(round.Id, "Satu unggahan Ana ternyata dari putaran lain");
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/kampanye/{campaignSlug}/peringkat/{round.Slug}");

        var ranked = Rows(page, "table.leaderboard");
        Assert.Equal(["1", "Budi Beku", "@budi", "2/2", "5,12 %", "5,00 %", "3", "1", "Sepeda lipat (Rp 5.000.000)"], Assert.Single(ranked));
        Assert.Equal("Ana Beku", Assert.Single(Rows(page, "table.unranked"))[0]);
        var changed = page.QuerySelector("#diubah-setelah-final")!.TextContent;
        Assert.Contains("Diubah setelah final", changed, StringComparison.Ordinal);
        Assert.Contains("Satu unggahan Ana ternyata dari putaran lain", changed, StringComparison.Ordinal);
        Assert.Contains("Hasil final sejak", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rp 5.000.000", page.QuerySelector("#hadiah")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var csv = await client.GetStringAsync($"/kampanye/{campaignSlug}/peringkat/{round.Slug}.csv");
        Assert.Contains("1,Budi Beku,budi,2,2,5.1200,5.0000,1024,", csv, StringComparison.Ordinal);
        Assert.Contains(",Sepeda lipat,5000000", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_DraftRound_UnknownRound_UnknownCampaign_Answer404()
    {
        var (campaignId, campaignSlug) = await _data.CampaignAsync();
        var draft = await _data.RoundAsync(campaignId, RoundState.Draft);
        using var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kampanye/{campaignSlug}/peringkat/{draft.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kampanye/{campaignSlug}/peringkat/{draft.Slug}.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kampanye/{campaignSlug}/peringkat/tidak-ada")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kampanye/tidak-ada-kampanye/peringkat/tidak-ada")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kampanye/tidak-ada-kampanye/peringkat/tidak-ada.csv")).StatusCode);
    }

    /// Budi: 2 %, 4 %, 6 % (median 4 %, 1,200 engagements) with a cleared flag. Ana: 5 % and 3 %
    /// (median 4 %, 800) on two platforms, one post with comments hidden, 12 link clicks in the window
    /// (and 30 the day after, not counted). A third
    /// with a formula for a name: 1 % twice. Citra: one post in the window and one before it.
    /// Dewi: excluded by staff.
    private async Task<(string CampaignSlug, InfluencerRound Round)> ScoringRoundAsync()
    {
        var (campaignId, campaignSlug) = await _data.CampaignAsync();
        var round = await _data.RoundAsync(campaignId, RoundState.Scoring);
        var start = MelokalPublicData.WindowStartThisYear;

        var budi = await _data.EntryAsync(round, "Budi", handles: (SocialPlatform.Instagram, "budi", 10_000));
        await _data.PostAsync(budi, MelokalPublicData.Day(start, 1), new SnapshotFigures(Likes: 150, Comments: 50));
        await _data.PostAsync(budi, MelokalPublicData.Day(start, 2), new SnapshotFigures(Likes: 300, Comments: 100));
        await _data.PostAsync(budi, MelokalPublicData.Day(start, 3), new SnapshotFigures(Likes: 500, Comments: 50, Shares: 30, Saves: 20));
        await _data.ClearedFlagAsync(budi);

        var ana = await _data.EntryAsync(round, "Ana", handles: [(SocialPlatform.Instagram, "ana", 10_000), (SocialPlatform.TikTok, "ana.tiktok", 10_000)]);
        await _data.PostAsync(ana, MelokalPublicData.Day(start, 2), new SnapshotFigures(Likes: 400, Comments: null, Shares: 100));
        await _data.PostAsync(ana, MelokalPublicData.Day(start, 3), new SnapshotFigures(Likes: 300), SocialPlatform.TikTok);
        await _data.ClicksAsync(ana, afterWindow: 30, 7, 5);

        var formula = await _data.EntryAsync(round, "=HYPERLINK(\"http://jahat.test\")", handles: (SocialPlatform.Instagram, "rumus", 10_000));
        await _data.PostAsync(formula, MelokalPublicData.Day(start, 1), new SnapshotFigures(Likes: 100));
        await _data.PostAsync(formula, MelokalPublicData.Day(start, 2), new SnapshotFigures(Likes: 100));

        var citra = await _data.EntryAsync(round, "Citra", handles: (SocialPlatform.Instagram, "citra", 10_000));
        await _data.PostAsync(citra, MelokalPublicData.Day(start, 2), new SnapshotFigures(Likes: 900));
        await _data.PostAsync(citra, MelokalPublicData.Day(start, -1), new SnapshotFigures(Likes: 900, TakenAt: MelokalPublicData.Day(start, 2)));

        var dewi = await _data.EntryAsync(round, "Dewi", exclusion: "Pengikut dibeli", handles: (SocialPlatform.Instagram, "dewi", 10_000));
        await _data.PostAsync(dewi, MelokalPublicData.Day(start, 1), new SnapshotFigures(Likes: 2_000));
        await _data.PostAsync(dewi, MelokalPublicData.Day(start, 2), new SnapshotFigures(Likes: 2_000));

        await _data.EntryAsync(round, "Eka Belum Disetujui", approved: false);
        return (campaignSlug, round);
    }

    private static List<string[]> Rows(IHtmlDocument page, string table) =>
    [
        .. page.QuerySelectorAll($"{table} tbody tr").Select(tr => tr.Children.Select(c => c.TextContent.Trim()).ToArray()),
    ];
}
