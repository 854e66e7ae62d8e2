using System.Globalization;
using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Products;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Products;

/// What a shopper can check and tell about a listing: the registry behind a certificate number,
/// and the "Laporkan produk ini" form (anonymous, limited per client address).
public sealed class ListingTrustTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<(int Id, string Slug)> PublishedProductAsync()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var id = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        return (id, await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync()));
    }

    private Task<List<ListingReport>> ReportsAsync(int productId) =>
        PortalData.ReadAsync(site, db => db.ListingReports.AsNoTracking().Where(r => r.ProductId == productId).ToListAsync());

    private WebApplicationFactory<Program> Limited(string bucket, int permits, string window = "01:00:00") =>
        site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Enabled", "true");
            builder.UseSetting($"RateLimits:Rules:{bucket}:PermitLimit", permits.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting($"RateLimits:Rules:{bucket}:Window", window);
        });

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient client, string slug, string reason, string? details = null, bool followRedirect = true)
    {
        var form = await client.GetPageAsync($"/produk/{slug}/laporkan");
        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string>
        {
            ["Input.Reason"] = reason,
            ["Input.Details"] = details ?? "",
        });
        if (response.StatusCode == HttpStatusCode.Redirect && followRedirect)
        {
            // As a browser would: the thank-you page shows (and uses up) the message.
            using var thanks = await client.GetAsync(response.Headers.Location);
        }
        return response;
    }

    [Fact]
    public async Task Get_ProductPage_HalalNumber_LinksToTheBpjphSearch_InANewTab()
    {
        var (_, slug) = await PublishedProductAsync();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{slug}");

        var halal = page.QuerySelectorAll(".certifications li").Single(li => li.TextContent.Contains("ID-HALAL-UJI-1", StringComparison.Ordinal));
        var link = halal.QuerySelector("a[data-registry='BPJPH']");
        Assert.NotNull(link);
        Assert.Equal(CertificateRegistries.HalalSearchUrl, link.GetAttribute("href"));
        Assert.Equal("https://bpjph.halal.go.id/search/sertifikat", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Contains("cari nomor ini di situs resmi BPJPH (tab baru)", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ProductPage_LinksToTheReportForm()
    {
        var (_, slug) = await PublishedProductAsync();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{slug}");

        var link = page.QuerySelector($"a[href='/produk/{slug}/laporkan']");
        Assert.NotNull(link);
        Assert.Equal("Laporkan produk ini", link.TextContent.Trim());
    }

    [Fact]
    public async Task Post_Report_SavesAnOpenReport_AndThanksTheShopper()
    {
        var (id, slug) = await PublishedProductAsync();
        using var client = site.CreateClient();

        var response = await ReportAsync(client, slug, nameof(ListingReportReason.FakeCertificate), "  Nomor halal tidak ada di situs BPJPH.  ", followRedirect: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/produk/{slug}/laporkan", response.Headers.Location!.OriginalString);
        var thanks = await client.GetPageAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Terima kasih, laporan Anda kami terima. Staf akan memeriksa produk ini.", thanks.QuerySelector("[data-reported]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(thanks.QuerySelector("main form"));
        var report = Assert.Single(await ReportsAsync(id));
        Assert.Equal(ListingReportReason.FakeCertificate, report.Reason);
        Assert.Equal("Nomor halal tidak ada di situs BPJPH.", report.Details);
        Assert.Equal(ListingReportState.Open, report.State);
        Assert.Null(report.HandledById);
    }

    [Fact]
    public async Task Get_ReportForm_ShowsEveryReason_AndThePrivacyNote()
    {
        var (_, slug) = await PublishedProductAsync();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync($"/produk/{slug}/laporkan");

        var reasons = page.QuerySelectorAll("input[name='Input.Reason']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(Enum.GetNames<ListingReportReason>(), reasons);
        foreach (var radio in page.QuerySelectorAll("input[name='Input.Reason']"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{radio.Id}']"));
        }
        Assert.NotNull(page.QuerySelector("main form a[href='/privasi']"));
        Assert.Equal("noindex", page.QuerySelector("meta[name='robots']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task Get_Report_UnknownOrUnpublishedProduct_Is404()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var pendingId = await PortalData.CreateProductAsync(site, ikmId, ProductState.PendingReview);
        var pendingSlug = await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == pendingId).Select(p => p.Slug).SingleAsync());
        using var client = site.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/produk/tidak-ada-produk-ini/laporkan")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/produk/{pendingSlug}/laporkan")).StatusCode);
    }

    [Fact]
    public async Task Post_Report_UnpublishedProduct_Is404_AndSavesNothing()
    {
        var (_, slug) = await PublishedProductAsync();
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Verified);
        var hiddenId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Hidden);
        var hiddenSlug = await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == hiddenId).Select(p => p.Slug).SingleAsync());
        using var client = site.CreateClient();
        // A real form with its token, aimed at a listing that is not shown.
        var form = PortalData.Retarget(await client.GetPageAsync($"/produk/{slug}/laporkan"), "main form", $"/produk/{hiddenSlug}/laporkan");

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.Reason"] = nameof(ListingReportReason.Other) });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await ReportsAsync(hiddenId));
    }

    [Fact]
    public async Task Post_Report_DetailsOverTheLimit_SaysSo_AndSavesNothing()
    {
        var (id, slug) = await PublishedProductAsync();
        using var client = site.CreateClient();

        var response = await ReportAsync(client, slug, nameof(ListingReportReason.WrongInformation), new string('x', ListingReport.DetailsMaxLength + 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Keterangan paling banyak 1000 karakter.", PortalData.Errors(page), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Details")?.GetAttribute("aria-invalid"));
        Assert.Empty(await ReportsAsync(id));
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Hapus")]
    [InlineData("")]
    public async Task Post_Report_TamperedOrMissingReason_SaysSo_AndSavesNothing(string reason)
    {
        var (id, slug) = await PublishedProductAsync();
        using var client = site.CreateClient();

        var response = await ReportAsync(client, slug, reason, "Tes alasan yang diubah.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector("#reason-error")!.TextContent.Trim());
        Assert.Contains("Tes alasan yang diubah.", page.QuerySelector("#Input_Details")?.TextContent, StringComparison.Ordinal);
        Assert.Empty(await ReportsAsync(id));
    }

    [Fact]
    public async Task Post_Report_ManyFromOneAddress_AreRefusedPastTheLimit_With429()
    {
        await using var limited = Limited("listing-report", 2);
        var products = new[] { await PublishedProductAsync(), await PublishedProductAsync(), await PublishedProductAsync() };
        using var client = Accounts.ClientFrom(limited, "198.51.100.150");

        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(client, products[0].Slug, nameof(ListingReportReason.Other))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(client, products[1].Slug, nameof(ListingReportReason.Other))).StatusCode);
        var refused = await ReportAsync(client, products[2].Slug, nameof(ListingReportReason.Other));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Terlalu banyak percobaan", (await SiteFixture.ParseAsync(refused)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await ReportsAsync(products[2].Id));
        using var other = Accounts.ClientFrom(limited, "198.51.100.151");
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(other, products[2].Slug, nameof(ListingReportReason.Other))).StatusCode);
    }

    [Fact]
    public async Task Post_Report_SameProductFromOneAddress_IsRefusedPastTheDailyLimit()
    {
        await using var limited = Limited("listing-report-product", 1, "1.00:00:00");
        var (id, slug) = await PublishedProductAsync();
        var (otherId, otherSlug) = await PublishedProductAsync();
        using var client = Accounts.ClientFrom(limited, "198.51.100.160");

        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(client, slug, nameof(ListingReportReason.NotGenuine))).StatusCode);
        var again = await ReportAsync(client, slug, nameof(ListingReportReason.NotGenuine));
        var another = await ReportAsync(client, otherSlug, nameof(ListingReportReason.NotGenuine));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Anda sudah melaporkan produk ini hari ini.", PortalData.Errors(await SiteFixture.ParseAsync(again)), StringComparison.Ordinal);
        Assert.Single(await ReportsAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, another.StatusCode);
        Assert.Single(await ReportsAsync(otherId));
    }
}
