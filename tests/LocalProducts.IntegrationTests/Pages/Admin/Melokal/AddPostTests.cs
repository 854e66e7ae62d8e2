using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.Melokal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

/// Staff record a post and its figures by hand (/admin/melokal/{id}/konten/tambah), with the same
/// rules as the influencer's own page.
public sealed class AddPostTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// One address per test: the tests of the class share a database.
    private readonly string _url = $"https://www.instagram.com/p/Staf{Guid.NewGuid():N}/";

    [Fact]
    public async Task Post_ByStaff_StoresThePost_AndTheSameAddressAgainAddsASnapshotOnly()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        using var client = await StaffClientAsync();

        var first = await AddAsync(client, round, round.Citra.EntryId, "2026-01-12T19:30", "2026-01-13T10:00", likes: "1.250");
        var second = await AddAsync(client, round, round.Citra.EntryId, "2026-01-12T19:30", "2026-01-15T10:00", likes: "");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var posts = await ReadAsync(db => db.RoundPosts.Where(p => p.EntryId == round.Citra.EntryId && p.Url == _url).ToListAsync());
        var post = Assert.Single(posts);
        Assert.Equal(MetricsSource.Staff, post.Source);
        var snapshots = await ReadAsync(db => db.MetricSnapshots.Where(s => s.PostId == post.Id).OrderBy(s => s.TakenAt).ToListAsync());
        Assert.Equal(2, snapshots.Count);
        Assert.Equal(1250, snapshots[0].Likes);
        // Left empty: hidden by the platform, so missing, not zero.
        Assert.Null(snapshots[1].Likes);
        Assert.All(snapshots, s => Assert.Equal(MetricsSource.Staff, s.Source));
    }

    [Fact]
    public async Task Post_BadFiguresOrAnEntryOfAnotherRound_SaysWhich_AndSavesNothing()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        var other = await MelokalFlagData.CreateAsync(site, flagged: false);
        using var client = await StaffClientAsync();

        var negative = await AddAsync(client, round, round.Citra.EntryId, "2026-01-12T19:30", "2026-01-13T10:00", likes: "-5");
        var stranger = await AddAsync(client, round, other.Citra.EntryId, "2026-01-12T19:30", "2026-01-13T10:00", likes: "10");

        Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
        Assert.NotEmpty(PortalData.Errors(await SiteFixture.ParseAsync(negative)));
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.Contains("Pilih salah satu influencer yang disetujui di putaran ini.", PortalData.Errors(await SiteFixture.ParseAsync(stranger)), StringComparison.Ordinal);
        Assert.False(await ReadAsync(db => db.RoundPosts.AnyAsync(p => p.Url == _url)));
    }

    [Fact]
    public async Task GetAndPost_AsOwner_AreRefused()
    {
        var round = await MelokalFlagData.CreateAsync(site, flagged: false);
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var get = await client.GetAsync($"/admin/melokal/{round.RoundId}/konten/tambah");
        var form = PortalData.Retarget(await client.GetPageAsync("/dasbor/usaha"), "main form", $"/admin/melokal/{round.RoundId}/konten/tambah");
        var post = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["EntryId"] = round.Citra.EntryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Platform"] = "Instagram",
            ["Input.Url"] = _url,
        });

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await ReadAsync(db => db.RoundPosts.AnyAsync(p => p.Url == _url)));
    }

    private async Task<HttpResponseMessage> AddAsync(HttpClient client, TestRound round, int entryId, string postedAt, string takenAt, string likes)
    {
        var page = await client.GetPageAsync($"/admin/melokal/{round.RoundId}/konten/tambah");
        return await client.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["EntryId"] = entryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Platform"] = "Instagram",
            ["Input.Url"] = _url,
            ["Input.PostedAt"] = postedAt,
            ["Input.TakenAt"] = takenAt,
            ["Input.Followers"] = "10.000",
            ["Input.Likes"] = likes,
            ["Input.Comments"] = "40",
            ["Input.Shares"] = "12",
            ["Input.Saves"] = "8",
        });
    }

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
