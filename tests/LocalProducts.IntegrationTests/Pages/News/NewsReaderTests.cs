using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using LocalProducts.Web.Pages.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.News;

/// What readers see of posts: only published ones, sanitised and encoded, with feeds, tags,
/// "Baca juga" and read counts. Writes posts, so it shares the newsroom's own database.
public sealed class NewsReaderTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Browser = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0 Mobile Safari/537.36";

    [Theory]
    [InlineData(PostState.Draft)]
    [InlineData(PostState.InReview)]
    [InlineData(PostState.Scheduled)]
    [InlineData(PostState.Archived)]
    public async Task Get_Post_NotPublished_IsNotFound_AndNotListed(PostState state)
    {
        var slug = await CreatePostAsync(state, "Belum untuk umum " + state);
        using var client = site.CreateClient();

        var response = await client.GetAsync($"/berita/{slug}");
        var list = await client.GetStringAsync("/berita");
        var feed = await client.GetStringAsync("/berita/feed.xml");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(slug, list, StringComparison.Ordinal);
        Assert.DoesNotContain(slug, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Post_BodyWithScriptsHandlersJavascriptLinksAndForeignImages_IsSanitised()
    {
        var slug = await CreatePostAsync(PostState.Published, "Uji sanitasi", body: """
            Paragraf biasa.

            <script>alert('x')</script>

            <img src="x" onerror="alert(1)">

            [klik](javascript:alert(1)) dan [aman](/produk)

            ![pelacak](https://tracker.example/p.gif) ![lokal](/media/foto.jpg)
            """);
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/berita/{slug}");

        var body = page.QuerySelector(".post-body")!;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.DoesNotContain(body.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(body.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? ""), href => href.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(body.QuerySelectorAll("img").Select(i => i.GetAttribute("src") ?? ""), src => src.Contains("tracker.example", StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("img"), i => i.GetAttribute("src") == "/media/foto.jpg");
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/produk");
    }

    [Fact]
    public async Task ScriptInEveryField_IsShownAsText_OnThePage_InTheFeed_AndInTheNewsroom()
    {
        const string evil = "<script>alert(1)</script>";
        var slug = await CreatePostAsync(PostState.Published, "Judul " + evil, lead: "Teras " + evil, configure: post =>
        {
            post.DatelineCity = "Kota " + evil;
            // A caption and credit show only with their picture.
            post.HeroImagePath = "/img/og-melokal.png";
            post.HeroCaption = "Keterangan " + evil;
            post.HeroCredit = "Kredit " + evil;
            post.Author = "Penulis " + evil;
            post.Editor = "Editor " + evil;
            post.Tags = ["tag " + evil];
        });
        using var reader = site.CreateClient();
        using var staff = site.CreateClient();
        await staff.LogInAsync("staf@melokal.test", "Staf-Melokal-2026");

        var html = await reader.GetStringAsync($"/berita/{slug}");
        var feed = await reader.GetStringAsync("/berita/feed.xml");
        var newsroom = await staff.GetStringAsync("/redaksi?q=" + Uri.EscapeDataString("Judul <script>"));

        Assert.DoesNotContain(evil, html, StringComparison.Ordinal);
        foreach (var field in new[] { "Judul", "Teras", "Kota", "Keterangan", "Kredit", "Penulis", "Editor", "tag" })
        {
            Assert.Contains($"{field} &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(evil, feed, StringComparison.Ordinal);
        Assert.Contains("Judul &lt;script&gt;", feed, StringComparison.Ordinal);
        Assert.DoesNotContain(evil, newsroom, StringComparison.Ordinal);
        Assert.Contains("Judul &lt;script&gt;", newsroom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feeds_AreWellFormedRss_WithPublishedPostsOnly_AndLinkedFromThePages()
    {
        var published = await CreatePostAsync(PostState.Published, "Terbit untuk umpan", campaignSlug: "melokal");
        var draft = await CreatePostAsync(PostState.Draft, "Draf bukan untuk umpan", campaignSlug: "melokal");
        using var client = site.CreateClient();

        var all = await client.GetAsync("/berita/feed.xml");
        var campaign = await client.GetAsync("/kampanye/melokal/feed.xml");

        Assert.Equal("application/rss+xml", all.Content.Headers.ContentType!.MediaType);
        var allRss = XDocument.Parse(await all.Content.ReadAsStringAsync());
        var campaignRss = XDocument.Parse(await campaign.Content.ReadAsStringAsync());
        var allLinks = allRss.Descendants("item").Select(i => i.Element("link")!.Value).ToList();
        var campaignLinks = campaignRss.Descendants("item").Select(i => i.Element("link")!.Value).ToList();
        Assert.Contains(allLinks, l => l.EndsWith($"/berita/{published}", StringComparison.Ordinal));
        Assert.DoesNotContain(allLinks, l => l.EndsWith($"/berita/{draft}", StringComparison.Ordinal));
        Assert.Contains(campaignLinks, l => l.EndsWith($"/berita/{published}", StringComparison.Ordinal));
        var otherCampaign = await QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published && p.Campaign!.Slug == "satu-dalam-kopi").Select(p => p.Slug).FirstAsync());
        Assert.DoesNotContain(campaignLinks, l => l.EndsWith($"/berita/{otherCampaign}", StringComparison.Ordinal));
        var publishedCount = await QueryAsync(db => db.Posts.CountAsync(p => p.State == PostState.Published));
        Assert.Equal(Math.Min(NewsFeeds.Items, publishedCount), allLinks.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/kampanye/tidak-ada/feed.xml")).StatusCode);

        var list = await client.GetPageAsync("/berita");
        var campaignPage = await client.GetPageAsync("/kampanye/melokal");
        Assert.EndsWith("/berita/feed.xml", list.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("/kampanye/melokal/feed.xml", campaignPage.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_AreCountedInMemory_IncludingCachedAnswers_NotBotsOrHead_AndFlushedToTheTable()
    {
        var slug = await CreatePostAsync(PostState.Published, "Dibaca banyak orang");
        var counter = site.Factory.Services.GetRequiredService<PostViewCounter>();
        await counter.FlushAsync(CancellationToken.None);
        using var client = site.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            // The second and third answers come from the output cache.
            await SendAsync(client, HttpMethod.Get, $"/berita/{slug}", Browser);
        }
        await SendAsync(client, HttpMethod.Get, $"/berita/{slug}", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await SendAsync(client, HttpMethod.Get, $"/berita/{slug}", "Mozilla/5.0 AhrefsCrawler");
        await SendAsync(client, HttpMethod.Head, $"/berita/{slug}", Browser);
        await SendAsync(client, HttpMethod.Get, $"/berita/{slug}", null);
        await SendAsync(client, HttpMethod.Get, "/berita/tidak-ada-sama-sekali", Browser);

        await counter.FlushAsync(CancellationToken.None);

        Assert.Equal(3, await ViewsAsync(slug));
        var day = await QueryAsync(db => db.PostViews.Where(v => db.Posts.Any(p => p.Id == v.PostId && p.Slug == slug)).Select(v => v.Day).SingleAsync());
        Assert.Equal(Wib.Today(TimeProvider.System), day);

        // "Terpopuler" reads the table; it shows once two posts were read.
        await SendAsync(client, HttpMethod.Get, "/berita/menengok-lagi-satudalamkopi", Browser);
        await counter.FlushAsync(CancellationToken.None);
        await site.Factory.Services.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, CancellationToken.None);
        var list = await client.GetPageAsync("/berita");
        Assert.Contains(list.QuerySelectorAll("#terpopuler + ol a"), a => a.GetAttribute("href") == $"/berita/{slug}");
    }

    [Fact]
    public async Task Get_Post_ShowsChosenReadAlso_OrSuggestsByTags_AndShareLinks()
    {
        var related = await CreatePostAsync(PostState.Published, "Tulisan pilihan redaksi", tags: ["teh"]);
        var relatedId = await QueryAsync(db => db.Posts.Where(p => p.Slug == related).Select(p => p.Id).SingleAsync());
        var chosen = await CreatePostAsync(PostState.Published, "Dengan baca juga pilihan", configure: p => p.RelatedPostIds = [relatedId]);
        var suggested = await CreatePostAsync(PostState.Published, "Dengan saran otomatis", tags: ["kopi"]);
        using var client = site.CreateClient();

        var chosenPage = await client.GetPageAsync($"/berita/{chosen}");
        var suggestedPage = await client.GetPageAsync($"/berita/{suggested}");

        Assert.Equal([$"/berita/{related}"], chosenPage.QuerySelectorAll("#baca-juga + ul a").Select(a => a.GetAttribute("href")));
        var suggestions = suggestedPage.QuerySelectorAll("#baca-juga + ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(suggestions);
        Assert.Contains("/berita/menengok-lagi-satudalamkopi", suggestions);
        var share = suggestedPage.QuerySelectorAll(".share-links a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(share, h => h.StartsWith("https://wa.me/?text=", StringComparison.Ordinal) && h.Contains(Uri.EscapeDataString($"/berita/{suggested}"), StringComparison.Ordinal));
        Assert.Contains(share, h => h.StartsWith("https://twitter.com/intent/tweet?", StringComparison.Ordinal));
        Assert.Contains(share, h => h.StartsWith("https://www.facebook.com/sharer/sharer.php?u=", StringComparison.Ordinal));
        Assert.Contains(share, h => h.StartsWith("https://t.me/share/url?", StringComparison.Ordinal));
        Assert.EndsWith($"/berita/{suggested}", suggestedPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#tautan-tulisan")!.Value, StringComparison.Ordinal);
        Assert.Empty(suggestedPage.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task Get_Topic_ListsPostsWithTheTag_AndCampaignFilter_ListsThatCampaignOnly()
    {
        using var client = site.CreateClient();

        var topic = await client.GetPageAsync("/berita/topik/kopi");
        var upper = await client.GetAsync("/berita/topik/Kopi");
        var unknown = await client.GetAsync("/berita/topik/tidak-ada-tag-ini");
        var campaign = await client.GetPageAsync("/berita?kampanye=satu-dalam-kopi");
        var noCampaign = await client.GetAsync("/berita?kampanye=tidak-ada");

        Assert.Contains(topic.QuerySelectorAll(".post-list h2 a"), a => a.GetAttribute("href") == "/berita/menengok-lagi-satudalamkopi");
        Assert.Equal(HttpStatusCode.OK, upper.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var expected = await QueryAsync(db => db.Posts.CountAsync(p => p.State == PostState.Published && p.Campaign!.Slug == "satu-dalam-kopi"));
        Assert.Equal(expected, campaign.QuerySelectorAll(".post-list h2 a").Length);
        Assert.Contains("#SatuDalamKopi", campaign.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noCampaign.StatusCode);
        Assert.Contains("menit baca", campaign.QuerySelector(".post-list .muted")!.TextContent, StringComparison.Ordinal);
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string url, string? userAgent)
    {
        using var request = new HttpRequestMessage(method, url);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        using var response = await client.SendAsync(request);
    }

    private Task<long> ViewsAsync(string slug) =>
        QueryAsync(db => db.PostViews.Where(v => db.Posts.Any(p => p.Id == v.PostId && p.Slug == slug)).SumAsync(v => v.Views));

    private async Task<string> CreatePostAsync(
        PostState state, string title, string body = "Isi berita uji.", string? lead = null, string? campaignSlug = null, string[]? tags = null, Action<Post>? configure = null)
    {
        var slug = $"baca-{Guid.NewGuid():N}"[..21];
        await QueryAsync(async db =>
        {
            var post = new Post
            {
                Slug = slug,
                Title = title,
                Lead = lead,
                Body = body,
                Tags = tags ?? [],
                CampaignId = campaignSlug is null ? null : await db.Campaigns.Where(c => c.Slug == campaignSlug).Select(c => c.Id).SingleAsync(),
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            configure?.Invoke(post);
            switch (state)
            {
                case PostState.Published:
                    post.Publish(DateTimeOffset.UtcNow);
                    break;
                case PostState.InReview:
                    post.Move(PostMove.Submit, DateTimeOffset.UtcNow);
                    break;
                case PostState.Scheduled:
                    post.Move(PostMove.Schedule, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
                    break;
                case PostState.Archived:
                    post.Move(PostMove.Archive, DateTimeOffset.UtcNow);
                    break;
            }
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            // Readers see the new post at once, as after a save in the newsroom.
            await site.Factory.Services.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, CancellationToken.None);
            return 0;
        });
        return slug;
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
