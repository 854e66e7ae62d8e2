using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages;

/// What search engines, link previews and open-data users read; and the outbound click counter.
public sealed class DiscoveryTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace _sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_ListsEveryPublishedProductAndVerifiedIkm_AndNothingElse()
    {
        using var client = site.CreateClient();
        var index = XDocument.Parse(await client.GetStringAsync("/sitemap.xml"));
        var files = index.Root!.Elements(_sitemap + "sitemap").Select(s => new Uri(s.Element(_sitemap + "loc")!.Value).PathAndQuery).ToList();
        var urls = new List<string>();
        foreach (var file in files)
        {
            var set = XDocument.Parse(await client.GetStringAsync(file));
            urls.AddRange(set.Root!.Elements(_sitemap + "url").Select(u => new Uri(u.Element(_sitemap + "loc")!.Value).PathAndQuery));
        }

        var published = await QueryAsync(db => db.Products.Where(p => p.State == ProductState.Published).Select(p => "/produk/" + p.Slug).ToListAsync());
        var hidden = await QueryAsync(db => db.Products.Where(p => p.State != ProductState.Published).Select(p => "/produk/" + p.Slug).ToListAsync());
        var verified = await QueryAsync(db => db.Ikms.Where(i => i.Verification == VerificationState.Verified).Select(i => "/ikm/" + i.Slug).ToListAsync());
        Assert.Equal(published.Order(), urls.Where(u => u.StartsWith("/produk/", StringComparison.Ordinal)).Order());
        Assert.Empty(hidden.Intersect(urls));
        Assert.Equal(verified.Order(), urls.Where(u => u.StartsWith("/ikm/", StringComparison.Ordinal)).Order());
        Assert.Contains("/kampanye/satu-dalam-kopi", urls);
    }

    [Fact]
    public async Task RobotsTxt_PointsToTheSitemap_AndKeepsCrawlersOffRedirects()
    {
        using var client = site.CreateClient();

        var robots = await client.GetStringAsync("/robots.txt");

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /keluar/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductPage_HasCanonicalOpenGraph_AndProductJsonLd()
    {
        var product = await QueryAsync(db => db.Products.AsNoTracking().Include(p => p.Ikm)
            .Where(p => p.State == ProductState.Published && p.PriceMax != null).OrderBy(p => p.Id).FirstAsync());
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/produk/{product.Slug}"));

        Assert.Equal($"http://localhost/produk/{product.Slug}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("product", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal(product.Name, page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var root = json.RootElement;
        Assert.Equal("Product", root.GetProperty("@type").GetString());
        Assert.Equal(product.Name, root.GetProperty("name").GetString());
        Assert.Equal(product.Ikm!.Name, root.GetProperty("manufacturer").GetProperty("name").GetString());
        var offers = root.GetProperty("offers");
        Assert.Equal("AggregateOffer", offers.GetProperty("@type").GetString());
        Assert.Equal("IDR", offers.GetProperty("priceCurrency").GetString());
        Assert.Equal(product.PriceMin, offers.GetProperty("lowPrice").GetInt64());
        Assert.Equal(product.PriceMax, offers.GetProperty("highPrice").GetInt64());
    }

    [Fact]
    public async Task IkmPage_HasOrganizationJsonLd()
    {
        var ikm = await QueryAsync(db => db.Ikms.AsNoTracking().Include(i => i.Regency)
            .Where(i => i.Verification == VerificationState.Verified).OrderBy(i => i.Id).FirstAsync());
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/ikm/{ikm.Slug}"));

        using var json = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal("Organization", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(ikm.Name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal(ikm.Regency!.Name, json.RootElement.GetProperty("address").GetProperty("addressLocality").GetString());
    }

    [Fact]
    public async Task MarketplaceButton_RedirectsToTheShop_AndCountsTheClickOncePerAddress()
    {
        var link = await QueryAsync(db => db.MarketplaceLinks.AsNoTracking()
            .Where(l => db.Products.Any(p => p.Id == l.ProductId && p.State == ProductState.Published))
            .Select(l => new { l.ProductId, l.Platform, l.Url, Slug = db.Products.Where(p => p.Id == l.ProductId).Select(p => p.Slug).First() })
            .OrderBy(l => l.ProductId).FirstAsync());
        var before = await ClicksAsync(link.ProductId, link.Platform);
        using var client = site.CreateClient();
        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/produk/{link.Slug}"));
        var button = page.QuerySelectorAll(".buy-links a").Select(a => a.GetAttribute("href")!)
            .Single(h => h.EndsWith("/" + link.Platform.ToString().ToLowerInvariant(), StringComparison.Ordinal));

        using var first = await client.GetAsync(button);
        using var second = await client.GetAsync(button);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(link.Url, first.Headers.Location!.OriginalString);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        // One address counts once a day, however often it follows the link.
        Assert.Equal(before + 1, await ClicksAsync(link.ProductId, link.Platform));
    }

    [Theory]
    [InlineData("/keluar/tidak-ada/tokopedia")]
    [InlineData("/keluar/x/bukan-platform")]
    [InlineData("/keluar/x/1")]
    public async Task Outbound_UnknownProductOrPlatform_IsNotFound(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Api_Products_ReturnsTheSameSearch_AsJson()
    {
        using var client = site.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/produk?q=kopi&provinsi=aceh"));
        var page = await SiteFixture.ParseAsync(await client.GetAsync("/produk?q=kopi&provinsi=aceh"));

        var root = json.RootElement;
        var htmlSlugs = page.QuerySelectorAll(".results .product-card h3 a").Select(a => a.GetAttribute("href")!.Split('/')[^1]);
        Assert.Equal(htmlSlugs, root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
        Assert.All(root.GetProperty("items").EnumerateArray(), i => Assert.Equal("Aceh", i.GetProperty("province").GetString()));
        Assert.True(root.GetProperty("facets").GetProperty("categories").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Api_Ikm_FiltersByProvince_AndPages()
    {
        using var client = site.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/ikm?provinsi=jawa-barat"));

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("Jawa Barat", i.GetProperty("province").GetString()));
        Assert.Equal(items.Count, json.RootElement.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/ikm?provinsi=aceh")]
    [InlineData("/ikm?kategori=kopi")]
    [InlineData("/ikm?q=kopi")]
    [InlineData("/ikm?halaman=abc&provinsi=%3Cscript%3E&kota=zz")]
    public async Task IkmDirectory_Filters_Answer(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".result-count"));
    }

    [Fact]
    public async Task OutputCache_EvictionOnOneInstance_ReachesAnother()
    {
        // Two instances of the site on one database, as behind a load balancer.
        await using var other = new LocalProducts.Tests.MelokalFactory(site.Database.ConnectionString);
        using var otherClient = other.CreateClient();
        var product = await QueryAsync(db => db.Products.AsNoTracking().Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).FirstAsync());
        var path = $"/produk/{product.Slug}";
        Assert.Contains(product.Name, await otherClient.GetStringAsync(path), StringComparison.Ordinal);
        var renamed = product.Name + " Edisi Baru";
        await QueryAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, renamed)));
        try
        {
            Assert.DoesNotContain(renamed, await otherClient.GetStringAsync(path), StringComparison.Ordinal);

            using (var scope = site.Factory.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, default);
            }

            var seen = false;
            for (var attempt = 0; attempt < 50 && !seen; attempt++)
            {
                await Task.Delay(100);
                seen = (await otherClient.GetStringAsync(path)).Contains(renamed, StringComparison.Ordinal);
            }
            Assert.True(seen, "The other instance still served its cached page after the eviction.");
        }
        finally
        {
            await QueryAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, product.Name)));
            using var scope = site.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, default);
        }
    }

    [Fact]
    public async Task SearchCounts_KeptByAnInstance_AreDroppedWhenAnotherChangesTheCatalogue()
    {
        // The search keeps its counts and pages for a minute (CatalogueCache); an edit on one
        // instance must reach the other's search at once, not after the minute. The other instance
        // has no output cache, so what it keeps is the search's own.
        await using var factory = new LocalProducts.Tests.MelokalFactory(site.Database.ConnectionString);
        using var other = factory.WithWebHostBuilder(builder => builder.UseSetting("OutputCache:Enabled", "false"));
        using var otherClient = other.CreateClient();
        var product = await QueryAsync(db => db.Products.AsNoTracking().Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Skip(3).FirstAsync());
        const string word = "zamrudkatulistiwa";
        var path = $"/produk?q={word}";
        Assert.Contains("Tidak ada produk yang cocok", await otherClient.GetStringAsync(path), StringComparison.Ordinal);
        await QueryAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, product.Name + " " + word)));
        try
        {
            Assert.Contains("Tidak ada produk yang cocok", await otherClient.GetStringAsync(path), StringComparison.Ordinal);

            using (var scope = site.Factory.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, default);
            }

            var found = false;
            for (var attempt = 0; attempt < 50 && !found; attempt++)
            {
                await Task.Delay(100);
                found = (await otherClient.GetStringAsync(path)).Contains($"/produk/{product.Slug}\"", StringComparison.Ordinal);
            }
            Assert.True(found, "The other instance still answered the search from its kept counts after the eviction.");
        }
        finally
        {
            await QueryAsync(db => db.Products.Where(p => p.Id == product.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, product.Name)));
            using var scope = site.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutputCacheEviction>().EvictAsync(OutputCacheEviction.CatalogueTag, default);
        }
    }

    private Task<int> ClicksAsync(int productId, Marketplace platform) =>
        QueryAsync(db => db.OutboundClicks.Where(c => c.ProductId == productId && c.Platform == platform).SumAsync(c => c.Clicks));

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
