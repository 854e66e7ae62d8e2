using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Comments;

public sealed class CommentTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_FirstComment_WaitsForStaff_ThenShowsAsTextWithLinksOnlyOnceApproved()
    {
        var slug = await PostSlugAsync(0);
        using var reader = site.CreateClient();

        var response = await CommentAsync(reader, slug, "Rina <b>", "rina.pertama@contoh.test", "Mantap <script>alert(1)</script> lihat https://contoh.test/kopi");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var comment = await QueryAsync(db => db.Comments.SingleAsync(c => c.EmailKey == "rina.pertama@contoh.test"));
        Assert.Equal(CommentState.Pending, comment.State);
        Assert.DoesNotContain("Mantap", await reader.GetStringAsync($"/berita/{slug}"), StringComparison.Ordinal);

        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var queue = await staff.GetPageAsync("/admin/komentar");
        Assert.Contains("&lt;script&gt;", queue.QuerySelector(".comment-list")!.InnerHtml, StringComparison.Ordinal);
        Assert.Null(queue.QuerySelector(".comment-list a[href='https://contoh.test/kopi']"));
        var approve = await staff.SubmitAsync(queue, $"#moderasi-{comment.Id}", submitName: "action");

        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        var post = await reader.GetPageAsync($"/berita/{slug}");
        var shown = post.QuerySelector($"#komentar-{comment.Id}")!;
        Assert.Contains("Rina <b>", shown.TextContent, StringComparison.Ordinal);
        Assert.Null(shown.QuerySelector("script, b"));
        Assert.Equal("nofollow ugc noopener", shown.QuerySelector("a[href='https://contoh.test/kopi']")!.GetAttribute("rel"));
    }

    [Fact]
    public async Task Post_Comment_FromAnApprovedCommentersEmail_ShowsOnceTheMailedLinkIsFollowed()
    {
        var slug = await PostSlugAsync(1);
        await QueryAsync(async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var earlier = new Comment { PostId = postId, AuthorName = "Dewi", Email = "dewi.lama@contoh.test", Text = "Komentar lama", AddressHash = "x", CreatedAt = DateTimeOffset.UtcNow.AddDays(-3), State = CommentState.Approved };
            earlier.NormaliseEmail();
            db.Comments.Add(earlier);
            return await db.SaveChangesAsync();
        });
        using var reader = site.CreateClient();

        var response = await CommentAsync(reader, slug, "Dewi", "Dewi.Lama@contoh.test", "Komentar kedua Dewi");

        Assert.Equal($"/berita/{slug}/komentar", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Komentar kedua Dewi", await reader.GetStringAsync($"/berita/{slug}"), StringComparison.Ordinal);
        var shown = await FollowCommentLinkAsync(reader, "Dewi.Lama@contoh.test");
        Assert.Equal($"/berita/{slug}#komentar", shown.Headers.Location!.OriginalString);
        Assert.Contains("Komentar kedua Dewi", await reader.GetStringAsync($"/berita/{slug}"), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> FollowCommentLinkAsync(HttpClient client, string email) => client.PressMailedLinkAsync(site.Factory, email, "/tampilkan?");

    [Fact]
    public async Task Post_Comment_HoneypotFilled_LooksSentButSavesNothing()
    {
        var slug = await PostSlugAsync(2);
        using var robot = site.CreateClient();

        var response = await CommentAsync(robot, slug, "Robot", null, "Beli obat murah", website: "https://spam.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await QueryAsync(db => db.Comments.AnyAsync(c => c.Text == "Beli obat murah")));
    }

    [Fact]
    public async Task Post_Comments_FloodFromOneAddress_IsRefusedWith429_AndKeepsTheText()
    {
        var slug = await PostSlugAsync(3);
        // The shared site has its limits off; this one has them on, as in production. An address
        // of its own: the flood must not use up the other tests' shared one.
        await using var limited = site.Factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:Enabled", "true"));
        using var reader = Account.Accounts.ClientFrom(limited, "198.51.100.90");
        for (var i = 0; i < Comment.RateLimit; i++)
        {
            await CommentAsync(reader, slug, "Banjir", null, $"Komentar {i}");
        }

        var refused = await CommentAsync(reader, slug, "Banjir", null, "Satu lagi yang terlalu banyak");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await SiteFixture.ParseAsync(refused);
        Assert.Contains("Terlalu banyak komentar", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Satu lagi yang terlalu banyak", page.QuerySelector("textarea")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Comments_FromOneAddress_WithRateLimitsOff_AreAllTaken()
    {
        var slug = await PostSlugAsync(3);
        // The shared site runs with RateLimits:Enabled=false, as the fault runs do.
        using var reader = Account.Accounts.ClientFrom(site.Factory, "198.51.100.91");
        for (var i = 0; i <= Comment.RateLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await CommentAsync(reader, slug, "Tanpa batas", null, $"Komentar tanpa batas {i}")).StatusCode);
        }

        Assert.Equal(Comment.RateLimit + 1, await QueryAsync(db => db.Comments.CountAsync(c => c.Text.StartsWith("Komentar tanpa batas "))));
    }

    [Fact]
    public async Task Post_Comment_TooLongOrEmpty_ShowsMessages_AndWithoutTokenIsRefused()
    {
        var slug = await PostSlugAsync(4);
        using var reader = site.CreateClient();

        var tooLong = await CommentAsync(reader, slug, "", null, new string('a', Comment.MaxTextLength + 1));
        var noToken = await reader.PostAsync($"/berita/{slug}/komentar", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "X", ["Input.Text"] = "Y" }));

        var page = await SiteFixture.ParseAsync(tooLong);
        Assert.Contains("Isi Nama.", page.QuerySelector("#name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("paling banyak", page.QuerySelector("#text-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Post_Report_PutsTheCommentInTheReportedQueue()
    {
        var slug = await PostSlugAsync(5);
        var id = await QueryAsync(async db =>
        {
            var postId = await db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
            var shown = new Comment { PostId = postId, AuthorName = "Tono", Text = "Komentar kasar", AddressHash = "y", CreatedAt = DateTimeOffset.UtcNow, State = CommentState.Approved };
            db.Comments.Add(shown);
            await db.SaveChangesAsync();
            return shown.Id;
        });
        using var reader = site.CreateClient();

        var confirm = await reader.GetPageAsync($"/berita/{slug}/komentar/{id}/laporkan");
        var response = await reader.SubmitAsync(confirm, "main form");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, await QueryAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.Reports).SingleAsync()));
        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        Assert.Contains("Komentar kasar", (await staff.GetPageAsync("/admin/komentar?antrian=dilaporkan")).QuerySelector(".comment-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_CommentQueue_AsIkmOwner_IsForbidden()
    {
        using var owner = site.CreateClient();
        await owner.LogInAsync("pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");

        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync("/admin/komentar")).StatusCode);
    }

    private static async Task<HttpResponseMessage> CommentAsync(HttpClient client, string slug, string name, string? email, string text, string? website = null)
    {
        var page = await client.GetPageAsync($"/berita/{slug}/komentar");
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Text"] = text };
        if (email is not null)
        {
            values["Input.Email"] = email;
        }
        if (website is not null)
        {
            values["Input.Website"] = website;
        }
        return await client.SubmitAsync(page, "form.form", values);
    }

    private Task<string> PostSlugAsync(int index) =>
        QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Skip(index).Select(p => p.Slug).FirstAsync());

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
