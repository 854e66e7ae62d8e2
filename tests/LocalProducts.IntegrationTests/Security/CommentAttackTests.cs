using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Security;

/// A known commenter's e-mail address does not publish a stranger's comment: only the link
/// mailed to that address does.
public sealed class CommentAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_CommentUnderAnApprovedCommentersEmail_IsNotPublished_LinksStayInert_TheOwnerOfTheAddressIsAsked()
    {
        var slug = await PortalData.ReadAsync(site, db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var known = $"dikenal.{Guid.NewGuid():N}@contoh.test";
        await PortalData.ReadAsync(site, async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var earlier = new Comment { PostId = postId, AuthorName = "Dikenal", Email = known, Text = "Komentar lama", AddressHash = "x", CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), State = CommentState.Approved };
            earlier.NormaliseEmail();
            db.Comments.Add(earlier);
            return await db.SaveChangesAsync();
        });
        using var attacker = site.CreateClient();
        var page = await attacker.GetPageAsync($"/berita/{slug}/komentar");

        var response = await attacker.SubmitAsync(page, "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Staf Kemenperin",
            ["Input.Email"] = known,
            ["Input.Text"] = "Hadiah menanti: https://penipuan.contoh.test/klaim",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await attacker.GetStringAsync($"/berita/{slug}");
        Assert.DoesNotContain("penipuan.contoh.test", post, StringComparison.Ordinal);
        Assert.Equal(CommentState.Pending, await PortalData.ReadAsync(site, db => db.Comments.Where(c => c.Text.Contains("penipuan")).Select(c => c.State).SingleAsync()));
        Assert.Contains("/tampilkan?kode=", Assert.Single(site.Factory.MailTo(known)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommentLink_OpenedByAMailScanner_ShowsNothing_AWrongCodeIsRefused()
    {
        var slug = await PortalData.ReadAsync(site, db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Skip(1).Select(p => p.Slug).FirstAsync());
        var known = $"pemindai.{Guid.NewGuid():N}@contoh.test";
        await PortalData.ReadAsync(site, async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var earlier = new Comment { PostId = postId, AuthorName = "Pemindai", Email = known, Text = "Komentar lama", AddressHash = "x", CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), State = CommentState.Approved };
            earlier.NormaliseEmail();
            db.Comments.Add(earlier);
            return await db.SaveChangesAsync();
        });
        using var client = site.CreateClient();
        var form = await client.GetPageAsync($"/berita/{slug}/komentar");
        await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Name"] = "Pemindai", ["Input.Email"] = known, ["Input.Text"] = "Komentar dari pemindai" });
        var link = System.Text.RegularExpressions.Regex.Match(site.Factory.MailTo(known).Single(), @"https?://\S+/tampilkan\?\S+").Value;
        var path = new Uri(link).PathAndQuery;

        using var scanner = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await scanner.GetAsync(path)).StatusCode);
        var forged = await client.GetPageAsync(path.Replace("kode=", "kode=x", StringComparison.Ordinal));
        var refused = await client.SubmitAsync(forged, "main form");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(CommentState.Pending, await PortalData.ReadAsync(site, db => db.Comments.Where(c => c.Text == "Komentar dari pemindai").Select(c => c.State).SingleAsync()));
        Assert.DoesNotContain("Komentar dari pemindai", await client.GetStringAsync($"/berita/{slug}"), StringComparison.Ordinal);
    }
}
