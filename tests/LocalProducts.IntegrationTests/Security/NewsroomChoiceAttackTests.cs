using System.Globalization;
using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// A writer sees published posts and their own; the "Baca juga" choices must not open a way round.
public sealed class NewsroomChoiceAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string WriterEmail = "penulis@melokal.test";
    private const string WriterPassword = "Penulis-Melokal-2026";

    [Fact]
    public async Task Post_WriterSetsAnotherAuthorsDraftAsRelated_IsRefused_AndItsTitleAndSlugNeverShow()
    {
        var draft = await OthersDraftAsync("Draf rahasia staf tentang harga kopi");
        using var writer = site.CreateClient();
        await writer.LogInAsync(WriterEmail, WriterPassword);
        var form = await writer.GetPageAsync("/redaksi/tulis");

        var response = await writer.SubmitAsync(form, "#post-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tulisan penulis dengan baca juga",
            ["Input.Body"] = "Isi berita uji.",
            ["Input.Related1"] = draft.Id.ToString(CultureInfo.InvariantCulture),
            ["aksi"] = "simpan",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("tidak bisa dipilih", page.QuerySelector("#Related1-error")!.TextContent, StringComparison.Ordinal);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(draft.Title, html, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Slug, html, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Title == "Tulisan penulis dengan baca juga")));
    }

    [Fact]
    public async Task Get_WriterEditorWithAnotherAuthorsDraftChosenBefore_DoesNotShowItsTitle()
    {
        var draft = await OthersDraftAsync("Draf staf yang belum terbit");
        var writerId = await QueryAsync(db => db.Users.Where(u => u.Email == WriterEmail).Select(u => u.Id).SingleAsync());
        // As the old form let it be saved: the writer's own post pointing at the draft.
        var own = await QueryAsync(async db =>
        {
            var post = new Post { Slug = $"uji-{Guid.NewGuid():N}"[..20], Title = "Tulisan penulis", Body = "Isi.", AuthorId = writerId, Author = "Penulis", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, RelatedPostIds = [draft.Id] };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
        using var writer = site.CreateClient();
        await writer.LogInAsync(WriterEmail, WriterPassword);

        var page = await writer.GetPageAsync($"/redaksi/{own}/ubah");

        Assert.DoesNotContain(draft.Title, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Slug, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_StaffMayStillChooseAnyPostAsRelated()
    {
        var draft = await OthersDraftAsync("Draf yang boleh dipilih editor");
        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var form = await staff.GetPageAsync("/redaksi/tulis");

        var response = await staff.SubmitAsync(form, "#post-form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Tulisan staf dengan baca juga",
            ["Input.Body"] = "Isi berita uji.",
            ["Input.Related1"] = draft.Id.ToString(CultureInfo.InvariantCulture),
            ["aksi"] = "simpan",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal([draft.Id], await QueryAsync(db => db.Posts.Where(p => p.Title == "Tulisan staf dengan baca juga").Select(p => p.RelatedPostIds).SingleAsync()));
    }

    /// A draft by an author other than the demo writer (the admin account).
    private Task<Post> OthersDraftAsync(string title) => QueryAsync(async db =>
    {
        var adminId = await db.Users.Where(u => u.Email == "admin@melokal.test").Select(u => u.Id).SingleAsync();
        var post = new Post { Slug = $"rahasia-{Guid.NewGuid():N}"[..24], Title = title, Body = "Isi rahasia.", AuthorId = adminId, Author = "Admin", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    });

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
