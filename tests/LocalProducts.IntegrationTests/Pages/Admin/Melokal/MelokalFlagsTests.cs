using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Standings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// Staff check a round's fairness flags and resolve them (/admin/melokal/{id}/tanda), and see the
/// posts behind them (/admin/melokal/{id}/konten).
public sealed class MelokalFlagsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_Check_FlagsFromStoredRows_AppearWithTheirFigures()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var client = await StaffClientAsync();

        var response = await CheckAsync(client, round);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var flags = await FlagsAsync(round);
        Assert.Equal(3, flags.Count);
        Assert.All(flags, f => Assert.Equal(FlagStatus.Open, f.Status));
        var page = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/tanda");
        var jump = flags.Single(f => f.Rule == FlagRule.FollowerJumpInWindow);
        Assert.Equal(round.Ayu.EntryId, jump.EntryId);
        var card = page.QuerySelector($"article[data-flag='{jump.Id}']")!;
        Assert.Contains("Pengikut melonjak dalam jendela", card.TextContent, StringComparison.Ordinal);
        Assert.Contains(round.Ayu.Name, card.TextContent, StringComparison.Ordinal);
        Assert.Equal("Pengikut naik 18,2 % dalam jendela (batas 10 %): 10000 → 11820, 2026-01-11 10:00 → 2026-01-13 20:00",
            card.QuerySelector("[data-figures]")!.TextContent.Trim());
        var likes = flags.Single(f => f.Rule == FlagRule.LikesWithoutComments);
        Assert.Equal(round.Bima.PostIds[1], likes.PostId);
        var likesCard = page.QuerySelector($"article[data-flag='{likes.Id}']")!;
        Assert.Contains("400 suka per komentar (batas 200); suka / komentar: 2000 / 5", likesCard.TextContent, StringComparison.Ordinal);
        Assert.Equal("nofollow noopener", likesCard.QuerySelector("a[href*='instagram.com']")!.GetAttribute("rel"));
        Assert.NotNull(page.QuerySelector($"article[data-flag='{flags.Single(f => f.Rule == FlagRule.OutlierRate).Id}']"));
    }

    [Fact]
    public async Task Post_Check_Twice_AddsNone_AndLeavesDecisionsAlone()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var client = await StaffClientAsync();
        await CheckAsync(client, round);
        var first = await FlagsAsync(round);
        var jump = first.Single(f => f.Rule == FlagRule.FollowerJumpInWindow);
        await PortalData.AssertSavedAsync(await ResolveAsync(client, round, jump.Id, FlagStatus.Cleared, "Kampanye berbayar di luar Melokal, dicek."));

        await CheckAsync(client, round);
        var response = await CheckAsync(client, round);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var second = await FlagsAsync(round);
        Assert.Equal(first.Select(f => f.Id).Order(), second.Select(f => f.Id).Order());
        var cleared = second.Single(f => f.Id == jump.Id);
        Assert.Equal(FlagStatus.Cleared, cleared.Status);
        Assert.Equal("Kampanye berbayar di luar Melokal, dicek.", cleared.Resolution);
    }

    [Fact]
    public async Task Post_Resolve_WithoutReason_SaysSo_AndChangesNothing()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var client = await StaffClientAsync();
        await CheckAsync(client, round);
        var flag = (await FlagsAsync(round)).Single(f => f.Rule == FlagRule.FollowerJumpInWindow);

        var response = await ResolveAsync(client, round, flag.Id, FlagStatus.InfluencerExcluded, "   ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Tulis alasan keputusan.", page.QuerySelector($"article[data-flag='{flag.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(FlagStatus.Open, (await FlagsAsync(round)).Single(f => f.Id == flag.Id).Status);
        Assert.Null(await ReadAsync(db => db.RoundEntries.Where(e => e.Id == round.Ayu.EntryId).Select(e => e.ExclusionReason).SingleAsync()));
    }

    [Fact]
    public async Task Post_Resolve_ExcludePost_RemovesItFromScoring_AndSettlesItsOtherFlags()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var client = await StaffClientAsync();
        await CheckAsync(client, round);
        var flags = await FlagsAsync(round);
        var likes = flags.Single(f => f.Rule == FlagRule.LikesWithoutComments);
        const string reason = "Suka dibeli: akun-akun baru tanpa foto.";

        var response = await ResolveAsync(client, round, likes.Id, FlagStatus.PostExcluded, reason);

        await PortalData.AssertSavedAsync(response);
        var postId = round.Bima.PostIds[1];
        Assert.Equal(reason, await ReadAsync(db => db.RoundPosts.Where(p => p.Id == postId).Select(p => p.ExclusionReason).SingleAsync()));
        var after = await FlagsAsync(round);
        Assert.All(after.Where(f => f.PostId == postId), f => Assert.Equal(FlagStatus.PostExcluded, f.Status));
        Assert.Equal(FlagStatus.Open, after.Single(f => f.Rule == FlagRule.FollowerJumpInWindow).Status);
        var standings = await StandingsAsync(round);
        var bima = standings.Scores.Single(s => s.Entry.EntryId == round.Bima.EntryId);
        Assert.Equal(UnscoredReason.Excluded, bima.Posts.Single(p => p.Post.PostId == postId).Unscored);
        Assert.Equal(1, bima.ScoredPosts);
        Assert.Equal(UnrankedReason.TooFewPosts, bima.Unranked);

        var content = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/konten");
        var row = content.QuerySelector($"tr[data-post='{postId}']")!;
        Assert.Contains("Tidak dinilai: Dikecualikan staf", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, row.TextContent, StringComparison.Ordinal);
        var resolved = (await client.GetPageAsync($"/admin/melokal/{round.RoundId}/tanda")).QuerySelector($"tr[data-flag='{likes.Id}']")!;
        Assert.Contains("Kiriman dikecualikan", resolved.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, resolved.TextContent, StringComparison.Ordinal);
        Assert.Contains("Staf", resolved.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Resolve_ExcludeInfluencer_LeavesThemUnranked()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var client = await StaffClientAsync();
        await CheckAsync(client, round);
        var jump = (await FlagsAsync(round)).Single(f => f.Rule == FlagRule.FollowerJumpInWindow);

        await PortalData.AssertSavedAsync(await ResolveAsync(client, round, jump.Id, FlagStatus.InfluencerExcluded, "Pengikut dibeli, diakui sendiri."));

        var standings = await StandingsAsync(round);
        var ayu = standings.Scores.Single(s => s.Entry.EntryId == round.Ayu.EntryId);
        Assert.Null(ayu.Rank);
        Assert.Equal(UnrankedReason.Excluded, ayu.Unranked);
        var final = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/final");
        var row = final.QuerySelector($"tr[data-entry='{round.Ayu.EntryId}']")!;
        Assert.Equal("", row.GetAttribute("data-rank") ?? "");
        Assert.Contains("Dikecualikan", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Resolve_FlagSomeoneJustResolved_SaysWhoDecided_AndKeepsTheirDecision()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var first = await StaffClientAsync();
        using var second = await StaffClientAsync();
        await CheckAsync(first, round);
        var jump = (await FlagsAsync(round)).Single(f => f.Rule == FlagRule.FollowerJumpInWindow);
        var stale = await second.GetPageAsync($"/admin/melokal/{round.RoundId}/tanda");
        await PortalData.AssertSavedAsync(await ResolveAsync(first, round, jump.Id, FlagStatus.Cleared, "Dicek bersama tim media."));

        var response = await second.SubmitAsync(stale, $"article[data-flag='{jump.Id}'] form", new Dictionary<string, string>
        {
            ["Input.Decision"] = nameof(FlagStatus.InfluencerExcluded),
            ["Input.Reason"] = "Keputusan kedua",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("baru saja diselesaikan", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        var flag = (await FlagsAsync(round)).Single(f => f.Id == jump.Id);
        Assert.Equal(FlagStatus.Cleared, flag.Status);
        Assert.Equal("Dicek bersama tim media.", flag.Resolution);
        Assert.Null(await ReadAsync(db => db.RoundEntries.Where(e => e.Id == round.Ayu.EntryId).Select(e => e.ExclusionReason).SingleAsync()));
    }

    [Fact]
    public async Task Get_Content_ShowsPostsSnapshotsAndScores()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/konten");

        Assert.Equal(3, page.QuerySelectorAll("section[data-entry]").Length);
        var row = page.QuerySelector($"tr[data-post='{round.Ayu.PostIds[0]}']")!;
        Assert.Equal("nofollow noopener", row.QuerySelector("a")!.GetAttribute("rel"));
        Assert.Contains("Instagram", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("4,40 %", row.QuerySelector("[data-score]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("[data-partial]"));
        var snapshots = row.QuerySelectorAll(".snapshots li");
        Assert.Equal(2, snapshots.Length);
        Assert.Equal("true", snapshots[0].GetAttribute("data-counts"));
        Assert.Equal("false", snapshots[1].GetAttribute("data-counts"));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/melokal/{round.RoundId}/impor']"));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/melokal/{round.RoundId}/konten/tambah']"));
    }

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    private static async Task<HttpResponseMessage> CheckAsync(HttpClient client, TestRound round) =>
        await client.SubmitAsync(await client.GetPageAsync($"/admin/melokal/{round.RoundId}/tanda"), "form[data-action='check']");

    private static async Task<HttpResponseMessage> ResolveAsync(HttpClient client, TestRound round, long flagId, FlagStatus decision, string reason) =>
        await client.SubmitAsync(await client.GetPageAsync($"/admin/melokal/{round.RoundId}/tanda"), $"article[data-flag='{flagId}'] form",
            new Dictionary<string, string> { ["Input.Decision"] = decision.ToString(), ["Input.Reason"] = reason });

    private Task<List<RoundFlag>> FlagsAsync(TestRound round) =>
        ReadAsync(db => db.RoundFlags.AsNoTracking().Where(f => f.RoundId == round.RoundId).OrderBy(f => f.Id).ToListAsync());

    private async Task<RoundStandings> StandingsAsync(TestRound round)
    {
        using var scope = site.Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<RoundStandingsQuery>().RunAsync(round.RoundId, CancellationToken.None))!;
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
