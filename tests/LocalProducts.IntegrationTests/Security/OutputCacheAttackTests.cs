using System.Net;

namespace LocalProducts.IntegrationTests.Security;

/// The output cache keeps one entry per page and the query parameters it reads: junk parameters
/// neither fill the cache nor reach the next reader.
public sealed class OutputCacheAttackTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/berita")]
    [InlineData("/ikm?provinsi=aceh")]
    [InlineData("/produk?q=kopi")]
    [InlineData("/api/v1/produk?q=kopi")]
    [InlineData("/sitemap.xml")]
    public async Task Get_SamePageWithDifferentJunkParameters_IsServedFromOneCacheEntry(string path)
    {
        using var client = AnonymousClient();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        using var first = await client.GetAsync($"{path}{separator}sampah={Guid.NewGuid():N}");
        using var second = await client.GetAsync($"{path}{separator}sampah={Guid.NewGuid():N}&lagi=1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(second.Headers.Age is not null, $"{path} with other junk parameters made a new cache entry instead of answering from the first.");
    }

    [Fact]
    public async Task Get_PagesWithDifferentParametersTheyRead_StillGetTheirOwnEntries()
    {
        using var client = AnonymousClient();
        var word = "kopi" + Guid.NewGuid().ToString("N")[..6];

        using var first = await client.GetAsync($"/produk?q={word}");
        using var otherPage = await client.GetAsync($"/produk?q={word}&halaman=2");

        Assert.Null(otherPage.Headers.Age);
        Assert.Contains($"value=\"{word}\"", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_JunkParameter_IsNotEchoedIntoTheCachedPageOthersReceive()
    {
        using var attacker = AnonymousClient();
        using var reader = AnonymousClient();
        var marker = "tanda" + Guid.NewGuid().ToString("N")[..8];

        using var poisoned = await attacker.GetAsync($"/berita?utm_source={marker}&q={marker}");
        var served = await reader.GetStringAsync($"/berita?utm_source=lain");

        Assert.DoesNotContain(marker, await poisoned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(marker, served, StringComparison.Ordinal);
    }

    /// No cookies: a reader's first visit, as the cache serves it.
    private HttpClient AnonymousClient() =>
        site.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
}
