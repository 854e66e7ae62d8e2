using System.Net;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages;

public sealed class SitePagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Home_ShowsRunningCampaign_NewProducts_Makers_AndPosts()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("#", page.QuerySelector(".hero h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(8, page.QuerySelectorAll(".product-card").Length);
        Assert.NotEmpty(page.QuerySelectorAll(".maker-list li"));
        Assert.Equal(3, page.QuerySelectorAll("#berita-terbaru + .post-list li").Length);
        var nav = page.QuerySelectorAll(".main-nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Produk", "IKM", "Kampanye", "Berita", "Acara", "Melokal"], nav);
        Assert.All(page.QuerySelectorAll(".product-card .price"), p => Assert.Matches(@"^Rp \d{1,3}(\.\d{3})*( – Rp \d{1,3}(\.\d{3})*)?$", p.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthy(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ProductPage_ShowsNamePriceMakerAndCertifications()
    {
        var product = await QueryAsync(db => db.Products.AsNoTracking()
            .Include(p => p.Ikm).Include(p => p.Certifications)
            .Where(p => p.State == ProductState.Published && p.Certifications.Any())
            .OrderBy(p => p.Id).FirstAsync());
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/produk/{product.Slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal(product.Name, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(Rupiah.FormatRange(product.PriceMin, product.PriceMax), page.QuerySelector(".product-info .price")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(product.Ikm!.Name, page.QuerySelector(".maker-card a")!.TextContent.Trim());
        Assert.Equal(product.Certifications.Count, page.QuerySelectorAll(".certifications li").Length);
    }

    [Fact]
    public async Task ProductPage_MarksExpiredCertificates_AndNeverShowsThemAsValid()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var product = await QueryAsync(db => db.Products.AsNoTracking()
            .Where(p => p.State == ProductState.Published && p.Certifications.Any(c => c.ExpiresOn < today))
            .Select(p => new { p.Slug, Expired = p.Certifications.Count(c => c.ExpiresOn < today) })
            .FirstAsync());
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync($"/produk/{product.Slug}"));

        var expired = page.QuerySelectorAll(".certifications li.expired");
        Assert.Equal(product.Expired, expired.Length);
        Assert.All(expired, li => Assert.Contains("Kedaluwarsa sejak", li.TextContent, StringComparison.Ordinal));
        Assert.All(expired, li => Assert.DoesNotContain("berlaku sampai", li.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProductPage_ShowsPdnMark_OnlyForQualifyingTkdn()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var products = await QueryAsync(db => db.Products.AsNoTracking().Include(p => p.Certifications)
            .Where(p => p.State == ProductState.Published && p.Certifications.Any(c => c.Kind == CertificationKind.Tkdn))
            .ToListAsync());
        var qualifying = products.First(p => p.QualifiesForPdnOn(today));
        var notQualifying = products.First(p => !p.QualifiesForPdnOn(today));
        using var client = site.CreateClient();

        var yes = await SiteFixture.ParseAsync(await client.GetAsync($"/produk/{qualifying.Slug}"));
        var no = await SiteFixture.ParseAsync(await client.GetAsync($"/produk/{notQualifying.Slug}"));

        Assert.NotNull(yes.QuerySelector(".product-info .badge-pdn"));
        Assert.Null(no.QuerySelector(".product-info .badge-pdn"));
    }

    [Fact]
    public async Task ProductOfUnverifiedIkm_IsNotShown()
    {
        var slug = await QueryAsync(db => db.Products.AsNoTracking()
            .Where(p => p.Ikm!.Verification == VerificationState.Pending).Select(p => p.Slug).FirstAsync());
        using var client = site.CreateClient();

        using var response = await client.GetAsync($"/produk/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownAddress_GetsTheFriendly404Page_InIndonesian()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/produk/tidak-ada-produk-ini");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal("Halaman tidak ditemukan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[action='/produk'] input[name=q]"));
    }

    [Theory]
    [InlineData("/bench/plain")]
    [InlineData("/bench/fortunes")]
    public async Task BenchmarkBaselines_ExistOnlyInTheBenchmarkEnvironment(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_AreCompressed_ForPhonesOnSlowData()
    {
        using var client = site.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/produk");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("br", response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task ErrorPage_SaysSorry_AndOffersSearch_InIndonesian()
    {
        using var client = site.CreateClient();

        var page = await SiteFixture.ParseAsync(await client.GetAsync("/galat/500"));

        Assert.Equal("Maaf, terjadi kesalahan", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[action='/produk'] input[name=q]"));
        Assert.NotNull(page.QuerySelector("code"));
    }

    [Theory]
    [InlineData("/ikm")]
    [InlineData("/kampanye")]
    [InlineData("/kampanye/satu-dalam-kopi")]
    [InlineData("/berita")]
    [InlineData("/produk")]
    [InlineData("/produk?kategori=kopi")]
    [InlineData("/produk?q=kopi")]
    [InlineData("/produk?esmart=alumni")]
    [InlineData("/e-smart-ikm")]
    public async Task SectionPages_Answer(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("main h1"));
    }

    [Fact]
    public async Task IkmProfile_And_Post_Answer_WithTheirContent()
    {
        var ikm = await QueryAsync(db => db.Ikms.AsNoTracking().Where(i => i.Verification == VerificationState.Verified).OrderBy(i => i.Id).FirstAsync());
        var post = await QueryAsync(db => db.Posts.AsNoTracking().OrderBy(p => p.Id).FirstAsync());
        using var client = site.CreateClient();

        var ikmPage = await SiteFixture.ParseAsync(await client.GetAsync($"/ikm/{ikm.Slug}"));
        var postPage = await SiteFixture.ParseAsync(await client.GetAsync($"/berita/{post.Slug}"));

        Assert.StartsWith(ikm.Name, ikmPage.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("fiktif", ikmPage.QuerySelector(".ikm-profile")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(post.Title, postPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("WIB", postPage.QuerySelector(".byline")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/produk?halaman=abc")]
    [InlineData("/produk?halaman=-5")]
    [InlineData("/produk?halaman=999999")]
    [InlineData("/produk?kategori=tidak-ada")]
    [InlineData("/produk?q=%27%3B%20DROP%20TABLE%20products%3B--")]
    [InlineData("/produk?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/produk?q=%FF%FE")]
    public async Task ProductList_OddQueryStrings_GetANormalPage(string path)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductList_VeryLongQuery_GetsANormalPage()
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync("/produk?q=" + new string('k', 5000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
