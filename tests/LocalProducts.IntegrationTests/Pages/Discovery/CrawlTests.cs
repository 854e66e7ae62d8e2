using System.Xml.Linq;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Discovery;

/// What crawlers may index and fetch: filter combinations stay out, one category or one province
/// is found under its own address, events are in the sitemap.
public sealed class CrawlTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace _sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task FilteredAndSortedCatalogue_IsNoindex_WithThePlainListingAsCanonical()
    {
        var (category, province) = await CategoryAndProvinceAsync();
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/produk?kategori={category}&provinsi={province}&urut=termurah&harga_min=10000"));

        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("http://localhost/produk", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_IsNoindex_WithThePlainListingAsCanonical()
    {
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync("/produk?q=kopi"));

        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("http://localhost/produk", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SingleCategoryPage_IsIndexable_WithItsOwnCanonical()
    {
        var (category, _) = await CategoryAndProvinceAsync();
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/produk?kategori={category}&utm_source=wa"));

        Assert.Null(page.QuerySelector("meta[name=robots]"));
        Assert.Equal($"http://localhost/produk?kategori={category}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SingleProvincePage_IsIndexable_WithItsOwnCanonical()
    {
        var (_, province) = await CategoryAndProvinceAsync();
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/produk?provinsi={province}"));

        Assert.Null(page.QuerySelector("meta[name=robots]"));
        Assert.Equal($"http://localhost/produk?provinsi={province}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task UnknownCategory_IsNoindex_ItShowsThePlainListing()
    {
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync("/produk?kategori=tidak-ada-kategori"));

        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("http://localhost/produk", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task IkmDirectory_OneProvinceIsIndexable_ASearchIsNot()
    {
        var (_, province) = await CategoryAndProvinceAsync();
        using var client = site.CreateClient();

        var byProvince = await SiteFixture.ParseAsync(await client.GetAsync($"/ikm?provinsi={province}"));
        var searched = await SiteFixture.ParseAsync(await client.GetAsync($"/ikm?provinsi={province}&q=kopi"));

        Assert.Null(byProvince.QuerySelector("meta[name=robots]"));
        Assert.Equal($"http://localhost/ikm?provinsi={province}", byProvince.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("noindex, follow", searched.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("http://localhost/ikm", searched.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task RobotsTxt_KeepsCrawlersOutOfCombinationsAndStaffPages_AndNamesTheSitemapOnThePublicAddress()
    {
        using var client = site.CreateClient();
        client.DefaultRequestHeaders.Host = "evil.example";

        using var response = await client.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        foreach (var line in new[]
        {
            "User-agent: *", "Disallow: /admin", "Disallow: /dasbor", "Disallow: /akun", "Disallow: /redaksi",
            "Disallow: /produk?*&", "Disallow: /*?q=", "Disallow: /*&urut=", "Allow: /produk?kategori=*&halaman=",
        })
        {
            Assert.Contains(line, lines);
        }
        Assert.Equal("Sitemap: http://localhost/sitemap.xml", Assert.Single(lines, l => l.StartsWith("Sitemap:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sitemap_ListsPublishedEvents_ComingAndPast_WithLastmod_AndTheProvincePages()
    {
        var coming = await CreateEventAsync(EventState.Published, days: 20);
        var past = await CreateEventAsync(EventState.Published, days: -20);
        var draft = await CreateEventAsync(EventState.Draft, days: 20);
        var (_, province) = await CategoryAndProvinceAsync();
        using var client = site.CreateClient();

        var urls = await SitemapAsync(client);

        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), urls[$"/acara/{coming}"]);
        Assert.NotNull(urls[$"/acara/{past}"]);
        Assert.DoesNotContain($"/acara/{draft}", urls.Keys);
        Assert.Contains($"/produk?provinsi={province}", urls.Keys);
        Assert.Contains($"/ikm?provinsi={province}", urls.Keys);
        Assert.DoesNotContain(urls.Keys, u => u.Contains('&', StringComparison.Ordinal));
    }

    private static async Task<Dictionary<string, string?>> SitemapAsync(HttpClient client)
    {
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var urls = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in index.Root!.Elements(_sitemap + "sitemap").Select(s => new Uri(s.Element(_sitemap + "loc")!.Value).PathAndQuery))
        {
            var set = XDocument.Parse(await client.GetStringAsync(file));
            foreach (var url in set.Root!.Elements(_sitemap + "url"))
            {
                urls[new Uri(url.Element(_sitemap + "loc")!.Value).PathAndQuery] = url.Element(_sitemap + "lastmod")?.Value;
            }
        }
        return urls;
    }

    /// A category and a province (as slugs) that both have published products.
    private Task<(string Category, string Province)> CategoryAndProvinceAsync() => QueryAsync(async db =>
    {
        var product = await db.Products.AsNoTracking().Include(p => p.Ikm)
            .Where(p => p.State == ProductState.Published && p.Ikm!.Verification == VerificationState.Verified)
            .OrderBy(p => p.Id).FirstAsync();
        var category = await db.Categories.AsNoTracking().Where(c => c.Id == product.CategoryId).Select(c => c.Slug).SingleAsync();
        var province = await db.Provinces.AsNoTracking().Where(p => p.Code == product.Ikm!.ProvinceCode).Select(p => p.Name).SingleAsync();
        return (category, Slug.From(province));
    });

    private async Task<string> CreateEventAsync(EventState state, int days)
    {
        var slug = $"acara-peta-{Guid.NewGuid():N}"[..24];
        await QueryAsync(async db =>
        {
            db.Events.Add(new CampaignEvent
            {
                Slug = slug,
                Title = "Acara peta situs " + slug,
                StartsAt = DateTimeOffset.UtcNow.AddDays(days),
                Place = "Bandung",
                Capacity = 10,
                State = state,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            });
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
