using System.Net;
using System.Security.Cryptography;
using System.Text;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// What is counted per client address: outbound clicks and reports once a day, comments per
/// address (IPv6 by its /64), always under a keyed hash. Each client has its own address in
/// X-Forwarded-For.
public sealed class CountingAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Get_OutboundLinkTenTimesFromOneAddress_CountsOneClick()
    {
        var (slug, productId) = await PublishedProductAsync();
        using var clicker = Accounts.ClientFrom(site.Factory, "198.51.100.20");
        using var other = Accounts.ClientFrom(site.Factory, "198.51.100.21");

        for (var i = 0; i < 10; i++)
        {
            using var response = await clicker.GetAsync($"/keluar/{slug}/tokopedia");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal(1, await ClicksAsync(productId));

        using var fromOther = await other.GetAsync($"/keluar/{slug}/tokopedia");
        Assert.Equal(2, await ClicksAsync(productId));
    }

    [Fact]
    public async Task Post_ReportTenTimesFromOneAddress_CountsOneReport()
    {
        var (slug, commentId) = await ApprovedCommentAsync();
        using var reporter = Accounts.ClientFrom(site.Factory, "198.51.100.30");
        using var other = Accounts.ClientFrom(site.Factory, "2001:db8:30::1");

        for (var i = 0; i < 10; i++)
        {
            var confirm = await reporter.GetPageAsync($"/berita/{slug}/komentar/{commentId}/laporkan");
            Assert.Equal(HttpStatusCode.OK, (await reporter.SubmitAsync(confirm, "main form")).StatusCode);
        }
        Assert.Equal(1, await ReportsAsync(commentId));

        await other.SubmitAsync(await other.GetPageAsync($"/berita/{slug}/komentar/{commentId}/laporkan"), "main form");
        Assert.Equal(2, await ReportsAsync(commentId));
    }

    [Fact]
    public async Task Post_CommentsFromManyAddressesOfOneIpv6SlashSixtyFour_ShareTheRateLimit()
    {
        var slug = await PostSlugAsync(1);
        // The shared site has its limits off; this one has them on, as in production.
        await using var limited = site.Factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:Enabled", "true"));
        for (var i = 1; i <= Comment.RateLimit; i++)
        {
            using var client = Accounts.ClientFrom(limited, $"2001:db8:64:64::{i:x}");
            Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(client, slug, $"Komentar {i} dari satu /64")).StatusCode);
        }
        using var nextAddress = Accounts.ClientFrom(limited, "2001:db8:64:64:ffff:ffff:ffff:ffff");

        var refused = await CommentAsync(nextAddress, slug, "Alamat baru, jaringan yang sama");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Post_Comment_StoresAKeyedHash_NotTheSha256AnyoneCanRecompute_AndInstancesShareTheKey()
    {
        var slug = await PostSlugAsync(2);
        const string address = "203.0.113.45";
        using var client = Accounts.ClientFrom(site.Factory, address);
        await CommentAsync(client, slug, "Komentar untuk uji hash alamat");
        await using var secondInstance = new MelokalFactory(site.Database.ConnectionString);
        using var secondClient = Accounts.ClientFrom(secondInstance, address);
        await CommentAsync(secondClient, slug, "Komentar kedua untuk uji hash alamat");

        var hashes = await QueryAsync(db => db.Comments.Where(c => c.Text.StartsWith("Komentar") && c.Text.EndsWith("untuk uji hash alamat"))
            .Select(c => c.AddressHash).ToListAsync());

        Assert.Equal(2, hashes.Count);
        Assert.Equal(hashes[0], hashes[1]);
        var today = Wib.Today(TimeProvider.System);
        foreach (var day in new[] { today.AddDays(-1), today, today.AddDays(1) })
        {
            // The old construction: searching the IPv4 space for it took seconds.
            var searchable = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"melokal-comment|{address}|{day:O}")));
            Assert.NotEqual(searchable, hashes[0], StringComparer.OrdinalIgnoreCase);
            Assert.NotEqual(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{address}|{day:O}"))), hashes[0], StringComparer.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(address, hashes[0], StringComparison.Ordinal);
    }

    private async Task<(string Slug, int Id)> PublishedProductAsync()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var id = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        return (await QueryAsync(db => db.Products.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync()), id);
    }

    private Task<int> ClicksAsync(int productId) =>
        QueryAsync(db => db.OutboundClicks.Where(c => c.ProductId == productId && c.Platform == Marketplace.Tokopedia).SumAsync(c => c.Clicks));

    private Task<int> ReportsAsync(int commentId) => QueryAsync(db => db.Comments.Where(c => c.Id == commentId).Select(c => c.Reports).SingleAsync());

    private async Task<(string Slug, int Id)> ApprovedCommentAsync()
    {
        var slug = await PostSlugAsync(0);
        var id = await QueryAsync(async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var comment = new Comment { PostId = postId, AuthorName = "Tono", Text = "Komentar yang dilaporkan", AddressHash = "z", CreatedAt = DateTimeOffset.UtcNow, State = CommentState.Approved };
            db.Comments.Add(comment);
            await db.SaveChangesAsync();
            return comment.Id;
        });
        return (slug, id);
    }

    private static async Task<HttpResponseMessage> CommentAsync(HttpClient client, string slug, string text)
    {
        var page = await client.GetPageAsync($"/berita/{slug}/komentar");
        return await client.SubmitAsync(page, "form.form", new Dictionary<string, string> { ["Input.Name"] = "Pembaca", ["Input.Text"] = text });
    }

    private Task<string> PostSlugAsync(int index) =>
        QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Skip(index).Select(p => p.Slug).FirstAsync());

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
