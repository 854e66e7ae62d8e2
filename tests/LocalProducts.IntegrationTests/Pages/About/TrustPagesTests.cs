using System.Net;
using AngleSharp.Html.Dom;
using LocalProducts.IntegrationTests.Pages.Melokal;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.About;

public sealed class TrustPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string OfficialId = "Situs resmi Kementerian Perindustrian Republik Indonesia";
    private const string OfficialEn = "Official site of the Ministry of Industry of the Republic of Indonesia";

    [Theory]
    [InlineData("/tentang", "Tentang Melokal", "About Melokal")]
    [InlineData("/kontak", "Kontak", "Contact")]
    [InlineData("/privasi", "Kebijakan Privasi", "Privacy Policy")]
    [InlineData("/syarat", "Syarat Penggunaan", "Terms of Use")]
    public async Task Get_TrustPage_AnswersInIndonesianAndEnglish(string path, string indonesian, string english)
    {
        using var client = site.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(indonesian, page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotEmpty(page.QuerySelectorAll("main h2"));
        await client.GetAsync(page.QuerySelector("a.lang-switch")!.GetAttribute("href")!);

        var en = await client.GetPageAsync(path);

        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Equal(english, en.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(OfficialEn, en.QuerySelector(".site-header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Privacy_NamesTheLaw_WhatEachFormKeeps_AndHowToAskForRemoval()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/privasi");

        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("UU 27/2022", text, StringComparison.Ordinal);
        var kept = page.QuerySelectorAll("main dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Contains("Pendaftaran acara", kept);
        Assert.Contains("Komentar berita", kept);
        Assert.Contains("Pendaftaran influencer Melokal", kept);
        Assert.Contains("Akun", kept);
        Assert.Contains("tanpa batas waktu", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href^='mailto:']"));
    }

    [Fact]
    public async Task Contact_WithoutConfiguredAddress_ShowsAClearPlaceholder()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/kontak");

        Assert.Equal("mailto:melokal@kemenperin.example", page.QuerySelector("main a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Contains("alamat contoh", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_SaysWhoRunsTheSite_InHeaderAndFooter_AndLinksTheTrustPages()
    {
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/");

        Assert.Contains(OfficialId, page.QuerySelector(".site-header")!.TextContent, StringComparison.Ordinal);
        var footer = page.QuerySelector(".site-footer")!;
        Assert.Contains(OfficialId, footer.TextContent, StringComparison.Ordinal);
        var links = footer.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/tentang", links);
        Assert.Contains("/kontak", links);
        Assert.Contains("/privasi", links);
        Assert.Contains("/syarat", links);
    }

    [Fact]
    public async Task Sitemap_ListsTheTrustPages()
    {
        using var client = site.CreateClient();

        var xml = await client.GetStringAsync("/sitemap/halaman.xml");

        foreach (var path in new[] { "/tentang", "/kontak", "/privasi", "/syarat" })
        {
            Assert.Contains(path + "</loc>", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryPersonalDataForm_LinksToThePrivacyPage()
    {
        var eventSlug = await MelokalSignUpData.CreateEventAsync(site);
        var round = await MelokalSignUpData.CreateRoundAsync(site);
        string postSlug;
        using (var scope = site.Factory.Services.CreateScope())
        {
            postSlug = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Posts
                .Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
        }
        using var client = site.CreateClient();

        foreach (var path in new[] { $"/acara/{eventSlug}", $"/berita/{postSlug}/komentar", "/akun/daftar", round.SignUpPath })
        {
            var page = await client.GetPageAsync(path);
            AssertPrivacyLinkInForm(page, path);
        }
    }

    private static void AssertPrivacyLinkInForm(IHtmlDocument page, string path)
    {
        var form = page.QuerySelectorAll("main form[method=post]").FirstOrDefault(f => f.QuerySelector("button[type=submit]") is not null);
        Assert.True(form is not null, $"{path} has no form");
        Assert.True(form!.QuerySelector(".privacy-note a[href='/privasi']") is not null, $"{path}: no privacy link in the form");
    }
}
