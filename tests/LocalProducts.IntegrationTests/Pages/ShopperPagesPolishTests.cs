using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages;

/// The small things a shopper notices on the public pages, on the demo data: a title that names
/// the page, no stray braces, no captions without a picture, "Terpopuler" only as a real list.
public sealed class ShopperPagesPolishTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/", "Produk lokal Indonesia · Melokal")]
    [InlineData("/produk", "Produk lokal · Melokal")]
    [InlineData("/produk?q=kopi", "Cari \"kopi\" · Melokal")]
    [InlineData("/ikm", "Direktori IKM · Melokal")]
    [InlineData("/kampanye", "Kampanye · Melokal")]
    [InlineData("/kampanye/satu-dalam-kopi/dampak", "Dampak #SatuDalamKopi · Melokal")]
    [InlineData("/berita", "Berita · Melokal")]
    [InlineData("/acara", "Acara · Melokal")]
    [InlineData("/tentang", "Tentang Melokal · Melokal")]
    [InlineData("/e-smart-ikm", "e-Smart IKM · Melokal")]
    [InlineData("/kontak", "Kontak · Melokal")]
    [InlineData("/privasi", "Kebijakan Privasi · Melokal")]
    [InlineData("/syarat", "Syarat Penggunaan · Melokal")]
    public async Task MainPages_HaveATitleThatNamesThePage(string path, string title)
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync(path);

        Assert.Equal(title, page.Title);
    }

    [Fact]
    public async Task DetailPages_HaveTheirItemInTheTitle()
    {
        var (product, maker, post, evt) = await QueryAsync(async db => (
            await db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => new { p.Slug, p.Name }).FirstAsync(),
            await db.Ikms.Where(i => i.Verification == VerificationState.Verified).OrderBy(i => i.Id).Select(i => new { i.Slug, i.Name }).FirstAsync(),
            await db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => new { p.Slug, p.Title }).FirstAsync(),
            await db.Events.OrderBy(e => e.Id).Select(e => new { e.Slug, e.Title }).FirstAsync()));
        using var client = site.CreateClient();

        Assert.Equal($"{product.Name} · Melokal", (await client.GetPageAsync($"/produk/{product.Slug}")).Title);
        Assert.Equal($"{maker.Name} · Melokal", (await client.GetPageAsync($"/ikm/{maker.Slug}")).Title);
        Assert.Equal($"{post.Title} · Melokal", (await client.GetPageAsync($"/berita/{post.Slug}")).Title);
        Assert.Equal($"{evt.Title} · Melokal", (await client.GetPageAsync($"/acara/{evt.Slug}")).Title);
        Assert.Equal("#SatuDalamKopi · Melokal", (await client.GetPageAsync("/kampanye/satu-dalam-kopi")).Title);
    }

    [Fact]
    public async Task TimeElements_OnTheMainPages_GiveTheirInstantToTheSecond()
    {
        var (post, evt) = await QueryAsync(async db => (
            await db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync(),
            await db.Events.OrderBy(e => e.Id).Select(e => e.Slug).FirstAsync()));
        using var client = site.CreateClient();
        var values = new List<string>();

        foreach (var path in new[] { "/", "/berita", $"/berita/{post}", "/acara", $"/acara/{evt}", "/kampanye/satu-dalam-kopi" })
        {
            var page = await client.GetPageAsync(path);
            values.AddRange(page.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime")!));
        }

        Assert.True(values.Count > 10);
        Assert.All(values, v => Assert.Matches(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$", v));
    }

    [Fact]
    public async Task CommentPage_ShowsNoStrayBraces()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/berita/menengok-lagi-satudalamkopi/komentar");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotContain('{', text);
        Assert.DoesNotContain('}', text);
        Assert.NotNull(page.QuerySelector("main form textarea"));
    }

    [Fact]
    public async Task PostAndCampaign_WithoutAPicture_ShowNoCaptionOrCredit()
    {
        // The demo post and campaign have a caption and credit for an illustration not drawn yet.
        using var client = site.CreateClient();

        var post = await client.GetPageAsync("/berita/menengok-lagi-satudalamkopi");
        var campaign = await client.GetPageAsync("/kampanye/satu-dalam-kopi");

        Assert.Empty(post.QuerySelectorAll("main .caption, main .credit, main figure"));
        Assert.DoesNotContain("Ilustrasi: Tim Melokal", post.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(campaign.QuerySelectorAll("main .credit"));
        Assert.DoesNotContain("Ilustrasi: Tim Melokal", campaign.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithAPicture_ShowsItsCaptionAndCreditUnderIt()
    {
        var slug = await QueryAsync(async db =>
        {
            var post = await db.Posts.Where(p => p.State == PostState.Published && p.HeroCaption != null && p.HeroCredit != null)
                .OrderByDescending(p => p.Id).FirstAsync();
            post.HeroImagePath = "/img/og-melokal.png";
            await db.SaveChangesAsync();
            return post.Slug;
        });
        await EvictAsync();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/berita/{slug}");

        var caption = page.QuerySelector("main figure.hero figcaption.caption");
        Assert.NotNull(caption);
        Assert.NotNull(caption.QuerySelector(".credit"));
        Assert.Single(page.QuerySelectorAll("main .caption"));
    }

    [Fact]
    public async Task Terpopuler_ShowsOnlyFromTwoPostsRead_ThenUpToFiveMostRead()
    {
        var posts = await QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).Take(6).ToListAsync());
        Assert.Equal(6, posts.Count);
        var today = Wib.Today(TimeProvider.System);
        using var client = site.CreateClient();

        // The demo data has no reads: nothing to rank.
        Assert.Null((await client.GetPageAsync("/berita")).GetElementById("terpopuler"));

        await AddViewsAsync(today, (posts[0].Id, 4));
        var one = await client.GetPageAsync("/berita");
        Assert.Null(one.GetElementById("terpopuler"));

        await AddViewsAsync(today, (posts[1].Id, 9), (posts[2].Id, 2), (posts[3].Id, 7), (posts[4].Id, 1), (posts[5].Id, 3));
        var many = await client.GetPageAsync("/berita");
        var listed = many.QuerySelectorAll("#terpopuler + ol a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/berita/{posts[1].Slug}", $"/berita/{posts[3].Slug}", $"/berita/{posts[0].Slug}", $"/berita/{posts[5].Slug}", $"/berita/{posts[2].Slug}"], listed);
        var onPost = await client.GetPageAsync($"/berita/{posts[4].Slug}");
        Assert.Equal(5, onPost.QuerySelectorAll("#terpopuler + ol li").Length);
    }

    private async Task AddViewsAsync(DateOnly day, params (int PostId, long Views)[] views)
    {
        await QueryAsync(async db =>
        {
            db.PostViews.AddRange(views.Select(v => new PostViewDay { PostId = v.PostId, Day = day, Views = v.Views }));
            return await db.SaveChangesAsync();
        });
        await EvictAsync();
    }

    private Task EvictAsync() =>
        site.Factory.Services.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, CancellationToken.None);

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
