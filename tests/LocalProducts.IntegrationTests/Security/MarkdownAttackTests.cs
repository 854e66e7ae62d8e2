using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Security;

/// Markdown from owners and the newsroom, and the pictures of posts: links that leave the site
/// are nofollow, and pictures come from the media store only.
public sealed class MarkdownAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string MediaImage = "/media/0123456789abcdef0123456789abcdef/960.webp";

    [Fact]
    public async Task Get_PostWithProtocolRelativeLink_MarksItNofollow()
    {
        var slug = await PublishedPostAsync("[toko lain](//evil.example/kopi) dan [katalog](/produk)");
        using var reader = site.CreateClient();

        var page = await reader.GetPageAsync($"/berita/{slug}");

        var body = page.QuerySelector(".post-body")!;
        Assert.Contains("nofollow", body.QuerySelector("a[href='//evil.example/kopi']")!.GetAttribute("rel") ?? "", StringComparison.Ordinal);
        Assert.Null(body.QuerySelector("a[href='/produk']")!.GetAttribute("rel"));
    }

    [Fact]
    public async Task Get_PostWithImagesOfSiteAddressesWithSideEffects_DropsThem()
    {
        var slug = await PublishedPostAsync($"![klik](/keluar/kopi/tokopedia) ![bahasa](/bahasa?ke=en) ![naik](/media/../keluar/kopi/tokopedia) ![foto]({MediaImage})");
        using var reader = site.CreateClient();

        var page = await reader.GetPageAsync($"/berita/{slug}");

        var sources = page.QuerySelector(".post-body")!.QuerySelectorAll("img").Select(i => i.GetAttribute("src")).OfType<string>().ToList();
        Assert.Equal([MediaImage], sources);
    }

    [Fact]
    public async Task Get_ProductDescriptionWithAnImageOfTheOutboundLink_DropsIt()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var id = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        var slug = await QueryAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == id);
            product.Description = "Kopi pilihan.\n\n![promo](/keluar/" + product.Slug + "/tokopedia)";
            await db.SaveChangesAsync();
            return product.Slug;
        });
        using var reader = site.CreateClient();

        var page = await reader.GetPageAsync($"/produk/{slug}");

        Assert.DoesNotContain(page.QuerySelectorAll("img").Select(i => i.GetAttribute("src") ?? ""), src => src.StartsWith("/keluar/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/\t/evil.example/foto.jpg")]
    [InlineData("/\\evil.example/foto.jpg")]
    [InlineData("/keluar/kopi/tokopedia")]
    [InlineData("/media/ /evil.example/foto.jpg")]
    public async Task Post_HeroImagePathOutsideTheMediaStore_IsNotStored(string path)
    {
        using var writer = site.CreateClient();
        await writer.LogInAsync("penulis@melokal.test", "Penulis-Melokal-2026");
        var title = "Foto utama nakal " + Guid.NewGuid().ToString("N")[..6];

        var response = await writer.SubmitAsync(await writer.GetPageAsync("/redaksi/tulis"), "#post-form", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "Isi berita uji.",
            ["Input.HeroImagePath"] = path,
            ["aksi"] = "simpan",
        });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await QueryAsync(db => db.Posts.Where(p => p.Title == title).Select(p => p.HeroImagePath).SingleAsync()));
    }

    [Fact]
    public async Task Post_CampaignBannerPathWithATabAfterTheSlash_IsNotStored()
    {
        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var slug = $"kampanye-{Guid.NewGuid():N}"[..24];

        var response = await staff.SubmitAsync(await staff.GetPageAsync("/admin/kampanye/ubah"), "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kampanye uji " + slug,
            ["Input.Hashtag"] = "#KampanyeUji",
            ["Input.Slug"] = slug,
            ["Input.StartsOn"] = "2030-01-01",
            ["Input.EndsOn"] = "2030-01-31",
            ["Input.BannerPath"] = "/\t/evil.example/spanduk.jpg",
            ["aksi"] = "simpan",
        });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.BannerPath).SingleAsync()));
    }

    [Fact]
    public async Task Migration_DropsHeroPathsOutsideTheMediaStore_SavedBeforeTheCheck()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, empty.ConnectionString);
        await using var db = new AppDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync("20261205122808_SearchSqlInFiles");
        // Written as SQL: the model has columns later migrations add.
        var now = DateTimeOffset.UtcNow;
        var evil = "/\t/evil.example/foto.jpg";
        await db.Database.ExecuteSqlAsync($$"""
            INSERT INTO posts (slug, title, body, hero_image_path, tags, related_post_ids, state, created_at, updated_at)
            VALUES ('lama-nakal', 'Lama', 'Isi.', {{evil}}, '{}', '{}', {{(int)PostState.Draft}}, {{now}}, {{now}}),
                   ('lama-baik', 'Lama', 'Isi.', {{MediaImage}}, '{}', '{}', {{(int)PostState.Draft}}, {{now}}, {{now}})
            """);

        await migrator.MigrateAsync();

        var paths = await db.Posts.AsNoTracking().OrderBy(p => p.Slug).Select(p => p.HeroImagePath).ToListAsync();
        Assert.Equal([MediaImage, null], paths);
    }

    private async Task<string> PublishedPostAsync(string body)
    {
        var slug = $"md-{Guid.NewGuid():N}"[..19];
        await QueryAsync(async db =>
        {
            var post = new Post { Slug = slug, Title = "Uji Markdown", Body = body, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            post.Publish(DateTimeOffset.UtcNow);
            db.Posts.Add(post);
            return await db.SaveChangesAsync();
        });
        return slug;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
