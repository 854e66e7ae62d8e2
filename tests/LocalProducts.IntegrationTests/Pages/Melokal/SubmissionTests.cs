using System.Net;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Melokal.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Melokal;

public sealed class SubmissionTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string PagePath(TestEntry entry) => $"/melokal/kiriman/{entry.Id}?kode={Uri.EscapeDataString(entry.Code)}";

    private static string PostedAt(DateTimeOffset instant) => WibTimeText.ForInput(instant);

    private Task<List<RoundPost>> PostsAsync(int entryId) =>
        MelokalSignUpData.WithDbAsync(site, db => db.RoundPosts.AsNoTracking().Where(p => p.EntryId == entryId).ToListAsync());

    private Task<List<MetricSnapshot>> SnapshotsAsync(long postId) =>
        MelokalSignUpData.WithDbAsync(site, db => db.MetricSnapshots.AsNoTracking().Where(s => s.PostId == postId).OrderBy(s => s.TakenAt).ToListAsync());

    private static async Task<HttpResponseMessage> RecordAsync(HttpClient client, TestEntry entry, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(PagePath(entry));
        return await client.SubmitAsync(page, "main form", values);
    }

    private static Dictionary<string, string> Post(string url, DateTimeOffset postedAt, string likes = "120", string? takenAt = null) => new()
    {
        ["Input.Platform"] = "Instagram",
        ["Input.Url"] = url,
        ["Input.PostedAt"] = PostedAt(postedAt),
        ["Input.TakenAt"] = takenAt ?? "",
        ["Input.Followers"] = "12.000",
        ["Input.Likes"] = likes,
        ["Input.Comments"] = "14",
        ["Input.Shares"] = "",
        ["Input.Saves"] = "3",
        ["Input.Views"] = "",
    };

    private static string NewPostUrl() => $"https://www.instagram.com/p/{Guid.NewGuid():N}/?igsh=abc";

    [Fact]
    public async Task Get_InfluencerPage_WithAWrongOrMissingCode_IsNotFound()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        using var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/melokal/kiriman/{entry.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/melokal/kiriman/{entry.Id}?kode=salah")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/melokal/kiriman/{entry.Id + 100_000}?kode={entry.Code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PagePath(entry))).StatusCode);
    }

    [Fact]
    public async Task Get_InfluencerPage_ShowsTheShortLinksOnThePublicAddress_WithTheirClicks()
    {
        var products = await MelokalSignUpData.PublishedProductsAsync(site, 1);
        var round = await MelokalSignUpData.CreateRoundAsync(site, promotedProductIds: [products[0].Id]);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        using (var scope = site.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<IssueInfluencerLinksCommand>().RunAsync(entry.Id, CancellationToken.None);
        }
        var code = await MelokalSignUpData.WithDbAsync(site, db => db.InfluencerLinks.Where(l => l.EntryId == entry.Id && l.ProductId != null).Select(l => l.Code).SingleAsync());
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";
        await client.GetAsync($"/m/{code}");

        var page = await client.GetPageAsync(PagePath(entry));

        var row = page.QuerySelectorAll("table tbody tr").Single(r => r.TextContent.Contains(code, StringComparison.Ordinal));
        Assert.Equal($"http://localhost/m/{code}", row.QuerySelector("code")!.TextContent);
        Assert.Equal("1", row.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task Post_Record_AddsThePostAndASnapshot_TheSameUrlAgainAddsASnapshotNotAPost()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        var url = NewPostUrl();
        var postedAt = DateTimeOffset.UtcNow.AddHours(-20);
        using var client = site.CreateClient();

        var first = await RecordAsync(client, entry, Post(url, postedAt, takenAt: PostedAt(DateTimeOffset.UtcNow.AddHours(-2))));
        var second = await RecordAsync(client, entry, Post(url.Replace("https://www.", "http://", StringComparison.Ordinal), postedAt, likes: "150"));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var post = Assert.Single(await PostsAsync(entry.Id));
        Assert.Equal(MetricsSource.Influencer, post.Source);
        var snapshots = await SnapshotsAsync(post.Id);
        Assert.Equal(2, snapshots.Count);
        Assert.Equal([120, 150], snapshots.Select(s => s.Likes!.Value));
        Assert.Equal(12_000, snapshots[0].Followers);
        Assert.Null(snapshots[0].Shares);
        Assert.All(snapshots, s => Assert.Equal(MetricsSource.Influencer, s.Source));
        var page = await client.GetPageAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("Angka baru ditambahkan", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll(".melokal-post tbody tr").Length);
    }

    [Fact]
    public async Task Post_Record_TheSamePostAndTimeTwice_AddsNothing()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        var values = Post(NewPostUrl(), DateTimeOffset.UtcNow.AddHours(-5), takenAt: PostedAt(DateTimeOffset.UtcNow.AddHours(-1)));
        using var client = site.CreateClient();

        await RecordAsync(client, entry, values);
        var again = await RecordAsync(client, entry, values);

        var page = await client.GetPageAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("sudah tercatat", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await SnapshotsAsync(Assert.Single(await PostsAsync(entry.Id)).Id));
    }

    [Theory]
    [InlineData("Input.Likes", "-5", "#likes-error", "tidak boleh negatif")]
    [InlineData("Input.Comments", "banyak", "#comments-error", "harus berupa angka")]
    [InlineData("Input.Url", "https://www.tiktok.com/@kopi/video/123", "#url-error", "bukan alamat unggahan Instagram")]
    [InlineData("Input.Platform", "Myspace", "#platform-error", "tidak dikenal")]
    [InlineData("Input.Platform", "YouTube", "#platform-error", "tidak dihitung di putaran ini")]
    [InlineData("Input.PostedAt", "kemarin sore", "#posted-error", "tidak terbaca")]
    public async Task Post_Record_BadInput_IsRefusedWithAMessage_AndNothingIsSaved(string field, string value, string errorSelector, string message)
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        var values = Post(NewPostUrl(), DateTimeOffset.UtcNow.AddHours(-3));
        values[field] = value;
        using var client = site.CreateClient();

        var response = await RecordAsync(client, entry, values);

        var page = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains(message, page.QuerySelector(errorSelector)!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync(entry.Id));
    }

    [Fact]
    public async Task Post_Record_PostedInTheFuture_IsRefused()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        using var client = site.CreateClient();

        var response = await RecordAsync(client, entry, Post(NewPostUrl(), DateTimeOffset.UtcNow.AddDays(1)));

        var page = await MelokalSignUpData.RefusedPageAsync(response);
        Assert.Contains("masa depan", page.QuerySelector("#posted-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await PostsAsync(entry.Id));
    }

    [Fact]
    public async Task Post_Record_PostedBeforeTheWindow_IsKeptWithAWarningThatItDoesNotCount()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        using var client = site.CreateClient();

        var response = await RecordAsync(client, entry, Post(NewPostUrl(), DateTimeOffset.UtcNow.AddDays(-5)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("tidak dihitung", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await PostsAsync(entry.Id));
    }

    [Fact]
    public async Task Post_Record_ByStaffThroughTheCommand_IsMarkedAsStaff()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site, RoundState.Monitoring);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        using var scope = site.Factory.Services.CreateScope();
        var command = scope.ServiceProvider.GetRequiredService<LocalProducts.Web.Pages.Melokal.Submissions.RecordPostCommand>();

        var result = await command.RunAsync(round.Id, entry.Id, new LocalProducts.Web.Pages.Melokal.Submissions.PostFiguresForm
        {
            Platform = "ig",
            Url = NewPostUrl(),
            PostedAt = PostedAt(DateTimeOffset.UtcNow.AddHours(-1)),
            Likes = "10",
        }, MetricsSource.Staff, CancellationToken.None);

        Assert.True(result.IsSaved);
        var post = Assert.Single(await PostsAsync(entry.Id));
        Assert.Equal(MetricsSource.Staff, post.Source);
        Assert.Equal(MetricsSource.Staff, Assert.Single(await SnapshotsAsync(post.Id)).Source);
    }

    [Fact]
    public async Task Get_InfluencerPage_OfAFinalRound_HasNoForm()
    {
        var round = await MelokalSignUpData.CreateRoundAsync(site, RoundState.Scoring);
        var entry = await MelokalSignUpData.CreateApprovedEntryAsync(site, round.Id);
        await MelokalSignUpData.WithDbAsync(site, db => db.InfluencerRounds.Where(r => r.Id == round.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, RoundState.Final)));
        using var client = site.CreateClient();

        var page = await client.GetPageAsync(PagePath(entry));

        Assert.Null(page.QuerySelector("main form"));
        Assert.Contains("tidak menerima unggahan lagi", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
