using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

/// /melokal (the programme, this year's rounds, totals from stored rows) and
/// /kampanye/{slug}/melokal (a campaign's rounds). Drafts are never public.
public sealed class ProgrammePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly MelokalPublicData _data = new(site);

    [Fact]
    public async Task Get_Programme_TotalsCountStoredRows_HeldRoundsOnly_FrozenResultsForFinalRounds()
    {
        using var client = site.CreateClient();
        var before = Totals(await client.GetPageAsync("/melokal"));
        var products = await UnusedProductIdsAsync(4);
        var (campaignId, _) = await _data.CampaignAsync();
        var start = MelokalPublicData.WindowStartThisYear;

        // Monitoring: Sari's two scored posts (400 and 200 engagements) count; her post before the
        // window does not, but its product does; Tono is excluded; Umi is still waiting for staff.
        var watched = await _data.RoundAsync(campaignId, RoundState.Monitoring);
        var sari = await _data.EntryAsync(watched, "Sari", handles: (SocialPlatform.Instagram, "sari", 10_000));
        await _data.PostAsync(sari, MelokalPublicData.Day(start, 1), new SnapshotFigures(Likes: 300, Comments: 50, Shares: 20, Saves: 30), productId: products[0]);
        await _data.PostAsync(sari, MelokalPublicData.Day(start, 2), new SnapshotFigures(Likes: 200));
        await _data.PostAsync(sari, MelokalPublicData.Day(start, -3), new SnapshotFigures(Likes: 900, TakenAt: MelokalPublicData.Day(start, 2)), productId: products[1]);
        var tono = await _data.EntryAsync(watched, "Tono", exclusion: "Pengikut dibeli");
        await _data.PostAsync(tono, MelokalPublicData.Day(start, 1), new SnapshotFigures(Likes: 100));
        await _data.EntryAsync(watched, "Umi", approved: false);

        // Final: its frozen results count (3 + 1 posts, 900 + 50 engagements; the excluded line not);
        // Sari is in it too and counts once.
        var final = await _data.RoundAsync(campaignId, RoundState.Final, promotedProducts: [products[2]]);
        var sariAgain = await _data.EntryAsync(final, "Sari", influencerId: sari.InfluencerId);
        var vina = await _data.EntryAsync(final, "Vina");
        var wati = await _data.EntryAsync(final, "Wati");
        await _data.ResultsAsync(
            Result(final.Id, sariAgain.Id, 1, scoredPosts: 3, engagements: 900),
            Result(final.Id, vina.Id, null, scoredPosts: 1, engagements: 50, unranked: UnrankedReason.TooFewPosts),
            Result(final.Id, wati.Id, null, scoredPosts: 2, engagements: 500, unranked: UnrankedReason.Excluded));

        // A draft and an open round are not held: nothing of theirs counts but the open round's products.
        var draft = await _data.RoundAsync(campaignId, RoundState.Draft, promotedProducts: [products[3]]);
        var draftEntry = await _data.EntryAsync(draft, "Xena");
        await _data.PostAsync(draftEntry, MelokalPublicData.Day(start, 1), new SnapshotFigures(Likes: 5_000));
        await _data.RoundAsync(campaignId, RoundState.OpenForSignUp);

        var after = Totals(await client.GetPageAsync("/melokal"));

        Assert.Equal(before.Rounds + 2, after.Rounds);
        Assert.Equal(before.Influencers + 4, after.Influencers); // Sari, Tono, Vina, Wati
        Assert.Equal(before.Posts + 2 + 3 + 1, after.Posts);
        Assert.Equal(before.Engagements + 400 + 200 + 900 + 50, after.Engagements);
        Assert.Equal(before.Products + 3, after.Products);
    }

    [Fact]
    public async Task Get_Programme_ListsThisYearsPublicRounds_WithSignUpForOpenOnes_NeverDrafts()
    {
        var (campaignId, campaignSlug) = await _data.CampaignAsync();
        var open = await _data.RoundAsync(campaignId, RoundState.OpenForSignUp, title: "Melokal Bandung Terbuka");
        await _data.RoundAsync(campaignId, RoundState.Monitoring, title: "Melokal Bandung Dipantau");
        await _data.RoundAsync(campaignId, RoundState.Draft, title: "Melokal Bandung Rahasia");
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/melokal");

        var text = page.Body!.TextContent;
        Assert.Contains("Melokal Bandung Terbuka", text, StringComparison.Ordinal);
        Assert.Contains("Melokal Bandung Dipantau", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Melokal Bandung Rahasia", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/kampanye/{campaignSlug}/melokal/{open.Slug}/daftar']"));
        Assert.NotNull(page.QuerySelector($"a[href='/kampanye/{campaignSlug}/peringkat/{open.Slug}']"));
        Assert.NotNull(page.QuerySelector("nav.main-nav a[href='/melokal'][aria-current='page']"));
    }

    [Fact]
    public async Task Get_CampaignRounds_ListsNonDraftRounds_WithWindowPrizesAndLeaderboardLinks()
    {
        var (campaignId, campaignSlug) = await _data.CampaignAsync();
        var held = await _data.RoundAsync(campaignId, RoundState.Scoring, title: "Melokal Solo Januari",
            prizes: [new RoundPrize { Rank = 1, Description = "Kamera saku", ValueRupiah = 2_500_000 }]);
        await _data.RoundAsync(campaignId, RoundState.Draft, title: "Melokal Solo Draf");
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/kampanye/{campaignSlug}/melokal");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=60", response.Headers.CacheControl!.ToString());
        var page = await SiteFixture.ParseAsync(response);
        var text = page.Body!.TextContent;
        Assert.Contains("Melokal Solo Januari", text, StringComparison.Ordinal);
        Assert.Contains("Kamera saku (Rp 2.500.000)", text, StringComparison.Ordinal);
        Assert.Contains("12 Januari", text, StringComparison.Ordinal);
        Assert.Contains("18 Januari", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Melokal Solo Draf", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/kampanye/{campaignSlug}/peringkat/{held.Slug}']"));

        var campaignPage = await client.GetPageAsync($"/kampanye/{campaignSlug}");
        Assert.NotNull(campaignPage.QuerySelector($"a[href='/kampanye/{campaignSlug}/melokal']"));
    }

    [Fact]
    public async Task Get_CampaignWithDraftRoundsOnly_HasNoLinkToRounds()
    {
        var (campaignId, campaignSlug) = await _data.CampaignAsync();
        await _data.RoundAsync(campaignId, RoundState.Draft);
        using var client = site.CreateClient();

        var campaignPage = await client.GetPageAsync($"/kampanye/{campaignSlug}");
        var roundsPage = await client.GetPageAsync($"/kampanye/{campaignSlug}/melokal");

        Assert.Null(campaignPage.QuerySelector($"a[href='/kampanye/{campaignSlug}/melokal']"));
        Assert.Empty(roundsPage.QuerySelectorAll(".round-list li"));
    }

    [Fact]
    public async Task Get_CampaignRounds_UnknownCampaign_Answers404()
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync("/kampanye/tidak-ada-kampanye-ini/melokal");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static RoundResult Result(int roundId, int entryId, int? rank, int scoredPosts, long engagements, UnrankedReason? unranked = null) => new()
    {
        RoundId = roundId,
        EntryId = entryId,
        Rank = rank,
        Name = $"Entri {entryId}",
        Handles = "@uji",
        Posts = scoredPosts,
        ScoredPosts = scoredPosts,
        MedianRate = 0.03,
        MeanRate = 0.03,
        Engagements = engagements,
        Unranked = unranked,
    };

    private async Task<List<int>> UnusedProductIdsAsync(int count) =>
        await _data.WriteAsync(async db =>
        {
            var named = (await db.InfluencerRounds.Select(r => r.PromotedProductIds).ToListAsync()).SelectMany(ids => ids).ToHashSet();
            var candidates = await db.Products.Where(p => !db.RoundPosts.Any(rp => rp.ProductId == p.Id)).OrderBy(p => p.Id).Select(p => p.Id).Take(count + named.Count).ToListAsync();
            return candidates.Where(id => !named.Contains(id)).Take(count).ToList();
        });

    private static (long Rounds, long Influencers, long Posts, long Engagements, long Products) Totals(IHtmlDocument page) =>
        (Total(page, "rounds"), Total(page, "influencers"), Total(page, "posts"), Total(page, "engagements"), Total(page, "products"));

    private static long Total(IHtmlDocument page, string name) =>
        long.Parse(page.QuerySelector($"[data-total='{name}']")!.TextContent.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
}
