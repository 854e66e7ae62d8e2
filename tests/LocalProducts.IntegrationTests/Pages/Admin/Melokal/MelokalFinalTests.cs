using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// Staff finalise a round (/admin/melokal/{id}/final) and change a final ranking; only staff may.
public sealed class MelokalFinalTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_Finalise_WithOpenFlags_IsRefused_AndKeepsTheFoundFlags()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: true);
        using var client = await StaffClientAsync();

        var response = await FinaliseAsync(client, round);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("masih ada 3 tanda terbuka", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/admin/melokal/{round.RoundId}/tanda']"));
        Assert.Equal(RoundState.Scoring, await ReadAsync(db => db.InfluencerRounds.Where(r => r.Id == round.RoundId).Select(r => r.State).SingleAsync()));
        Assert.Equal(3, await ReadAsync(db => db.RoundFlags.CountAsync(f => f.RoundId == round.RoundId && f.Status == FlagStatus.Open)));
        Assert.False(await ReadAsync(db => db.RoundResults.AnyAsync(r => r.RoundId == round.RoundId)));
    }

    [Fact]
    public async Task Post_Finalise_FromScoring_WritesResultsWithPrizes_AndDraftsTheAnnouncement()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        using var client = await StaffClientAsync();
        var preview = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/final");
        Assert.Equal("1", preview.QuerySelector($"tr[data-entry='{round.Ayu.EntryId}']")!.GetAttribute("data-rank"));

        var response = await client.SubmitAsync(preview, "form[data-action='finalise']");

        await PortalData.AssertSavedAsync(response);
        var saved = await ReadAsync(db => db.InfluencerRounds.AsNoTracking().Include(r => r.StateChanges).SingleAsync(r => r.Id == round.RoundId));
        Assert.Equal(RoundState.Final, saved.State);
        Assert.NotNull(saved.FinalisedAt);
        var results = await ReadAsync(db => db.RoundResults.AsNoTracking().Where(r => r.RoundId == round.RoundId).ToListAsync());
        Assert.Equal(3, results.Count);
        var first = results.Single(r => r.Rank == 1);
        Assert.Equal(round.Ayu.EntryId, first.EntryId);
        Assert.Equal(round.Ayu.Name, first.Name);
        Assert.Contains($"@{round.Ayu.Handle}", first.Handles, StringComparison.Ordinal);
        Assert.Equal(MelokalFlagData.FirstPrize, first.Prize);
        Assert.Equal(MelokalFlagData.FirstPrizeValue, first.PrizeValueRupiah);
        Assert.Equal(2, first.ScoredPosts);
        Assert.Equal(0.043, first.MedianRate!.Value, 6);
        Assert.Equal(860, first.Engagements);
        Assert.Equal(MelokalFlagData.SecondPrize, results.Single(r => r.Rank == 2).Prize);
        Assert.Null(results.Single(r => r.Rank == 3).Prize);

        var post = await ReadAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == saved.AnnouncementPostId));
        Assert.Equal(PostState.Draft, post.State);
        Assert.Equal($"Pemenang Melokal: {round.Title}", post.Title);
        Assert.Equal(await ReadAsync(db => db.Campaigns.Where(c => c.Slug == round.CampaignSlug).Select(c => c.Id).SingleAsync()), post.CampaignId);
        Assert.Contains(round.Ayu.Name, post.Body, StringComparison.Ordinal);
        Assert.Contains(MelokalFlagData.FirstPrize, post.Body, StringComparison.Ordinal);
        Assert.Contains("Rp 1.500.000", post.Body, StringComparison.Ordinal);
        Assert.Contains($"/kampanye/{round.CampaignSlug}/peringkat/{round.RoundSlug}", post.Body, StringComparison.Ordinal);
        Assert.Equal("Staf Kemenperin Demo (fiktif)", post.Author);
        var page = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/final");
        Assert.NotNull(page.QuerySelector($"a[href='/redaksi/{post.Id}/ubah']"));
        Assert.Null(page.QuerySelector("form[data-action='finalise']"));
    }

    [Fact]
    public async Task Post_Finalise_TwoStaffAtOnce_OneSucceeds_TheOtherIsToldSo()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        using var first = await StaffClientAsync();
        using var second = await StaffClientAsync();
        var firstPage = await first.GetPageAsync($"/admin/melokal/{round.RoundId}/final");
        var secondPage = await second.GetPageAsync($"/admin/melokal/{round.RoundId}/final");

        var responses = await Task.WhenAll(
            first.SubmitAsync(firstPage, "form[data-action='finalise']"),
            second.SubmitAsync(secondPage, "form[data-action='finalise']"));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("baru saja difinalkan", (await SiteFixture.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ReadAsync(db => db.RoundStateChanges.CountAsync(c => c.RoundId == round.RoundId && c.To == RoundState.Final)));
        Assert.Equal(1, await ReadAsync(db => db.Posts.CountAsync(p => p.Title == $"Pemenang Melokal: {round.Title}")));
        Assert.Equal(3, await ReadAsync(db => db.RoundResults.CountAsync(r => r.RoundId == round.RoundId)));

        // A page loaded before the round was final (a stale version) is refused the same way.
        var again = await first.SubmitAsync(firstPage, "form[data-action='finalise']");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await ReadAsync(db => db.RoundStateChanges.CountAsync(c => c.RoundId == round.RoundId && c.To == RoundState.Final)));
    }

    [Fact]
    public async Task Post_ChangeAfterFinal_NeedsAReason_RewritesResults_AndRecordsTheChange()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        using var client = await StaffClientAsync();
        await PortalData.AssertSavedAsync(await FinaliseAsync(client, round));
        var page = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/final");
        var target = $"i{round.Ayu.EntryId}";

        var refused = await client.SubmitAsync(page, "form[data-action='change']", new Dictionary<string, string>
        {
            ["Change.Target"] = target,
            ["Change.Action"] = "Exclude",
            ["Change.Reason"] = " ",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Tulis alasan perubahan.", (await SiteFixture.ParseAsync(refused)).QuerySelector("#err-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ReadAsync(db => db.RoundResults.Where(r => r.RoundId == round.RoundId && r.EntryId == round.Ayu.EntryId).Select(r => r.Rank).SingleAsync()));

        const string reason = "Terbukti membeli pengikut setelah final.";
        var response = await client.SubmitAsync(page, "form[data-action='change']", new Dictionary<string, string>
        {
            ["Change.Target"] = target,
            ["Change.Action"] = "Exclude",
            ["Change.Reason"] = reason,
        });

        await PortalData.AssertSavedAsync(response);
        var results = await ReadAsync(db => db.RoundResults.AsNoTracking().Where(r => r.RoundId == round.RoundId).ToListAsync());
        var ayu = results.Single(r => r.EntryId == round.Ayu.EntryId);
        Assert.Null(ayu.Rank);
        Assert.Equal(UnrankedReason.Excluded, ayu.Unranked);
        Assert.Null(ayu.Prize);
        var winner = results.Single(r => r.Rank == 1);
        Assert.Equal(round.Bima.EntryId, winner.EntryId);
        Assert.Equal(MelokalFlagData.FirstPrize, winner.Prize);
        var saved = await ReadAsync(db => db.InfluencerRounds.AsNoTracking().Include(r => r.StateChanges).SingleAsync(r => r.Id == round.RoundId));
        Assert.Equal(RoundState.Final, saved.State);
        Assert.NotNull(saved.ChangedAfterFinalAt);
        var change = Assert.Single(saved.StateChanges, c => c.From == RoundState.Final && c.To == RoundState.Final);
        Assert.Equal(reason, change.Reason);
        var audit = await ReadAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == "InfluencerRound" && a.EntityId == round.RoundId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "ranking-changed"));
        Assert.Contains(reason, audit.Changes, StringComparison.Ordinal);
        var after = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/final");
        Assert.Contains(reason, after.QuerySelector("[data-changes]")!.TextContent, StringComparison.Ordinal);

        // Undoing it ranks her first again.
        await PortalData.AssertSavedAsync(await client.SubmitAsync(after, "form[data-action='change']", new Dictionary<string, string>
        {
            ["Change.Target"] = target,
            ["Change.Action"] = "Reinstate",
            ["Change.Reason"] = "Tuduhan keliru, akun lain.",
        }));
        Assert.Equal(1, await ReadAsync(db => db.RoundResults.Where(r => r.RoundId == round.RoundId && r.EntryId == round.Ayu.EntryId).Select(r => r.Rank).SingleAsync()));
    }

    [Theory]
    [InlineData("konten", null)]
    [InlineData("tanda", "check")]
    [InlineData("tanda", "resolve")]
    [InlineData("final", "finalise")]
    [InlineData("final", "change")]
    public async Task GetAndPost_AsNonStaff_AreRefused_AndChangeNothing(string part, string? handler)
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var get = await client.GetAsync($"/admin/melokal/{round.RoundId}/{part}");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);

        if (handler is not null)
        {
            var form = PortalData.Retarget(await client.GetPageAsync("/dasbor/usaha"), "main form", $"/admin/melokal/{round.RoundId}/{part}?handler={handler}");
            var post = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
            {
                ["Input.Reason"] = "Bukan staf",
                ["Change.Reason"] = "Bukan staf",
            });
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }
        Assert.Equal(RoundState.Scoring, await ReadAsync(db => db.InfluencerRounds.Where(r => r.Id == round.RoundId).Select(r => r.State).SingleAsync()));
        Assert.False(await ReadAsync(db => db.RoundFlags.AnyAsync(f => f.RoundId == round.RoundId)));
    }

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    private static async Task<HttpResponseMessage> FinaliseAsync(HttpClient client, TestRound round) =>
        await client.SubmitAsync(await client.GetPageAsync($"/admin/melokal/{round.RoundId}/final"), "form[data-action='finalise']");

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
