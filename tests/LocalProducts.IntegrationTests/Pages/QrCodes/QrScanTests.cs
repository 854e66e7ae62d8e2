using System.Globalization;
using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.QrCodes;

/// /q/{code}: every scan counted per code and WIB day, then a redirect to the thing's page.
public sealed class QrScanTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// The site's clock, set by the test.
    private sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private HttpClient Client() => site.CreateClient();

    [Fact]
    public async Task Get_Scan_RedirectsToTheProduct_CountsEveryScanOnItsWibDay_WithoutCookieOrCache()
    {
        var (_, _, productId) = await QrData.OwnerWithProductAsync(site);
        var code = await QrData.CreateCodeAsync(site, QrTargetKind.Product, productId);
        var slug = await QrData.SlugAsync(site, QrTargetKind.Product, productId);
        // 23.59 WIB on 10 March, then 00.00 WIB on 11 March (17.00 UTC).
        var clock = new SetClock(new DateTimeOffset(2026, 3, 10, 16, 59, 30, TimeSpan.Zero));
        await using var instance = site.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        using var client = instance.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await client.GetAsync($"/q/{code}");
        await client.GetAsync($"/q/{code}");
        clock.Now = new DateTimeOffset(2026, 3, 10, 17, 0, 30, TimeSpan.Zero);
        await client.GetAsync($"/q/{code}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/produk/{slug}", first.Headers.Location!.OriginalString);
        Assert.True(first.Headers.CacheControl?.NoStore);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        var days = await QrData.ScansAsync(site, code);
        Assert.Equal([(new DateOnly(2026, 3, 10), 2), (new DateOnly(2026, 3, 11), 1)], days.Select(d => (d.Day, d.Scans)));
    }

    [Fact]
    public async Task Get_Scan_ManyPhonesAtOnce_CountsEveryOne()
    {
        var (_, ikmId, _) = await QrData.OwnerWithProductAsync(site);
        var code = await QrData.CreateCodeAsync(site, QrTargetKind.Ikm, ikmId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var client = Client();
            return (await client.GetAsync($"/q/{code}")).StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        Assert.Equal(20, (await QrData.ScansAsync(site, code)).Sum(d => d.Scans));
    }

    [Fact]
    public async Task Get_Scan_MakerAndEvent_RedirectToTheirPages()
    {
        var (_, ikmId, _) = await QrData.OwnerWithProductAsync(site);
        var eventId = await QrData.CreateEventAsync(site);
        var ikmCode = await QrData.CreateCodeAsync(site, QrTargetKind.Ikm, ikmId);
        var eventCode = await QrData.CreateCodeAsync(site, QrTargetKind.Event, eventId);
        using var client = Client();

        var maker = await client.GetAsync($"/q/{ikmCode}");
        var ev = await client.GetAsync($"/q/{eventCode}");

        Assert.Equal($"/ikm/{await QrData.SlugAsync(site, QrTargetKind.Ikm, ikmId)}", maker.Headers.Location!.OriginalString);
        Assert.Equal($"/acara/{await QrData.SlugAsync(site, QrTargetKind.Event, eventId)}", ev.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(maker.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(ev.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Get_Scan_CodeTypedInUpperCase_LeadsToTheSamePage()
    {
        var (_, _, productId) = await QrData.OwnerWithProductAsync(site);
        var code = await QrData.CreateCodeAsync(site, QrTargetKind.Product, productId);
        using var client = Client();

        var response = await client.GetAsync($"/q/{code.ToUpperInvariant()}");

        Assert.Equal($"/produk/{await QrData.SlugAsync(site, QrTargetKind.Product, productId)}", response.Headers.Location!.OriginalString);
        Assert.Equal(1, (await QrData.ScansAsync(site, code)).Sum(d => d.Scans));
    }

    [Fact]
    public async Task Get_Scan_HiddenProduct_StillGoesToItsOwnPage_WhichSaysItIsNotShown()
    {
        var (_, _, productId) = await QrData.OwnerWithProductAsync(site, ProductState.Hidden);
        var code = await QrData.CreateCodeAsync(site, QrTargetKind.Product, productId);
        using var client = Client();

        var response = await client.GetAsync($"/q/{code}");

        Assert.Equal($"/produk/{await QrData.SlugAsync(site, QrTargetKind.Product, productId)}", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(response.Headers.Location)).StatusCode);
        Assert.Equal(1, (await QrData.ScansAsync(site, code)).Sum(d => d.Scans));
    }

    [Theory]
    [InlineData("zzzzzzz")]
    [InlineData("abc0def")]
    [InlineData("terlalu-panjang")]
    public async Task Get_Scan_UnknownCode_AnswersTheNotFoundPage(string code)
    {
        using var client = Client();

        var response = await client.GetAsync($"/q/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Equal("Kode QR tidak dikenal", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Get_Scan_ThingDeleted_AnswersNotFound_AndCountsNothing()
    {
        var (_, _, productId) = await QrData.OwnerWithProductAsync(site);
        var code = await QrData.CreateCodeAsync(site, QrTargetKind.Product, productId);
        await PortalData.ReadAsync(site, db => db.Products.Where(p => p.Id == productId).ExecuteDeleteAsync());
        using var client = Client();

        var response = await client.GetAsync($"/q/{code}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await QrData.ScansAsync(site, code));
    }

    [Fact]
    public async Task Get_Scan_CountingFails_StillRedirects()
    {
        var (_, _, productId) = await QrData.OwnerWithProductAsync(site);
        var code = await QrData.CreateCodeAsync(site, QrTargetKind.Product, productId);
        var codeId = await PortalData.ReadAsync(site, db => db.QrCodes.Where(q => q.Code == code).Select(q => q.Id).SingleAsync());
        // Every write of this code's count is refused by the database (only this code's: other
        // tests of the class share the table).
        var refuse = string.Create(CultureInfo.InvariantCulture, $"""
            CREATE FUNCTION refuse_qr_scan_{codeId}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'scans refused'; END $$;
            CREATE TRIGGER refuse_qr_scan_{codeId} BEFORE INSERT OR UPDATE ON qr_scans FOR EACH ROW
                WHEN (NEW.qr_code_id = {codeId}) EXECUTE FUNCTION refuse_qr_scan_{codeId}();
            """);
        await PortalData.ReadAsync(site, db => db.Database.ExecuteSqlRawAsync(refuse));
        using var client = Client();

        var response = await client.GetAsync($"/q/{code}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/produk/{await QrData.SlugAsync(site, QrTargetKind.Product, productId)}", response.Headers.Location!.OriginalString);
        Assert.Empty(await QrData.ScansAsync(site, code));
    }
}
