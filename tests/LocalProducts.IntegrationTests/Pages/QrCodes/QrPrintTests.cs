using System.Net;
using LocalProducts.IntegrationTests.Pages.Account;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using LocalProducts.Web.Pages.QrCodes;

namespace LocalProducts.IntegrationTests.Pages.QrCodes;

/// The "Kode QR" pages: owners make and print the codes of their own things, staff of any; the
/// pictures read back as the code's absolute address.
public sealed class QrPrintTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// The test site's public address (Site:PublicUrl).
    private const string Origin = "http://localhost";

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    private static async Task<string> MakeAsync(HttpClient client, string pagePath)
    {
        var page = await client.GetPageAsync(pagePath);
        var response = await client.SubmitAsync(page, "main form.form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(pagePath, response.Headers.Location!.OriginalString);
        var made = await client.GetPageAsync(pagePath);
        return made.QuerySelector("dd code")!.TextContent.Trim();
    }

    [Fact]
    public async Task Owner_OpensTheProductsQrPage_MakesTheCodeWithTheButton_AndSeesItsAbsoluteAddress()
    {
        var (owner, _, productId) = await QrData.OwnerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var path = $"/kode-qr/produk/{productId}";

        var before = await client.GetPageAsync(path);
        Assert.Empty(await QrData.CodesOfAsync(site, QrTargetKind.Product, productId));
        Assert.Equal("Buat kode QR", before.QuerySelector("main form.form button")!.TextContent.Trim());

        var code = await MakeAsync(client, path);

        var stored = Assert.Single(await QrData.CodesOfAsync(site, QrTargetKind.Product, productId));
        Assert.Equal(stored.Code, code);
        Assert.Equal(code, QrCode.Normalize(code));
        var page = await client.GetPageAsync(path);
        Assert.Equal($"{Origin}/q/{code}", page.QuerySelector("dd a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='{path}/label/a6']"));
        Assert.NotNull(page.QuerySelector($"a[href='{path}/label/stiker']"));
        Assert.Null(page.QuerySelector("main form.form"));
    }

    [Fact]
    public async Task Post_Make_Twice_KeepsTheFirstCode()
    {
        var (owner, ikmId, _) = await QrData.OwnerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var path = $"/kode-qr/ikm/{ikmId}";
        var page = await client.GetPageAsync(path);

        var first = await client.SubmitAsync(page, "main form.form");
        var second = await client.SubmitAsync(page, "main form.form");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Single(await QrData.CodesOfAsync(site, QrTargetKind.Ikm, ikmId));
    }

    [Fact]
    public async Task Get_SvgAndPng_DecodeBackToTheAbsoluteScanAddress()
    {
        var (owner, _, productId) = await QrData.OwnerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var path = $"/kode-qr/produk/{productId}";
        var code = await MakeAsync(client, path);

        var svg = await client.GetAsync($"{path}/gambar.svg");
        var png = await client.GetAsync($"{path}/gambar.png");

        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{Origin}/q/{code}", QrDecoding.DecodeSvg(await svg.Content.ReadAsStringAsync()));
        Assert.Equal($"{Origin}/q/{code}", QrDecoding.DecodePng(await png.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Get_Labels_A6AndStickerSheet_CarryNameCodeAndAddress_WithPrintSizes()
    {
        var (owner, _, productId) = await QrData.OwnerWithProductAsync(site);
        var name = await PortalData.ReadAsync(site, db => Task.FromResult(db.Products.Where(p => p.Id == productId).Select(p => p.Name).Single()));
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var path = $"/kode-qr/produk/{productId}";
        var code = await MakeAsync(client, path);

        var a6 = await client.GetPageAsync($"{path}/label/a6");
        var sheet = await client.GetPageAsync($"{path}/label/stiker");

        Assert.Equal(name, a6.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"localhost/q/{code}", a6.QuerySelector(".qr-address")!.TextContent.Trim());
        Assert.Equal($"{path}/gambar.svg", a6.QuerySelector(".qr-a6 img")!.GetAttribute("src"));
        Assert.Equal(24, sheet.QuerySelectorAll(".qr-sticker").Length);
        Assert.All(sheet.QuerySelectorAll(".qr-sticker"), s =>
        {
            Assert.Equal(name, s.QuerySelector(".qr-sticker-name")!.TextContent.Trim());
            Assert.Equal($"localhost/q/{code}", s.QuerySelector(".qr-address")!.TextContent.Trim());
        });
        Assert.Contains("size: A6", await StylesheetAsync(client, a6, "/css/qr-label-a6."), StringComparison.Ordinal);
        Assert.Contains("size: A4", await StylesheetAsync(client, sheet, "/css/qr-label-sheet."), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Label_BeforeTheCodeIsMade_SendsToTheButton_AndMakesNothing()
    {
        var (owner, _, productId) = await QrData.OwnerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.GetAsync($"/kode-qr/produk/{productId}/label/a6");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/kode-qr/produk/{productId}", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kode-qr/produk/{productId}/gambar.png")).StatusCode);
        Assert.Empty(await QrData.CodesOfAsync(site, QrTargetKind.Product, productId));
    }

    [Fact]
    public async Task OwnerB_CannotMakeOrPrintOwnerAsCodes()
    {
        var (ownerA, ikmA, productA) = await QrData.OwnerWithProductAsync(site);
        var (ownerB, ikmB, _) = await QrData.OwnerWithProductAsync(site);
        using var clientA = await PortalData.OwnerClientAsync(site, ownerA);
        await MakeAsync(clientA, $"/kode-qr/ikm/{ikmA}");
        using var clientB = await PortalData.OwnerClientAsync(site, ownerB);

        foreach (var path in new[] { $"/kode-qr/produk/{productA}", $"/kode-qr/ikm/{ikmA}", $"/kode-qr/ikm/{ikmA}/gambar.svg",
            $"/kode-qr/ikm/{ikmA}/gambar.png", $"/kode-qr/ikm/{ikmA}/label/a6", $"/kode-qr/ikm/{ikmA}/label/stiker" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync(path)).StatusCode);
        }
        // B's own page, with B's antiforgery token, pointed at A's product.
        var own = await clientB.GetPageAsync($"/kode-qr/ikm/{ikmB}");
        var attack = await clientB.SubmitAsync(PortalData.Retarget(own, "main form.form", $"/kode-qr/produk/{productA}"), "main form.form");

        Assert.Equal(HttpStatusCode.NotFound, attack.StatusCode);
        Assert.Empty(await QrData.CodesOfAsync(site, QrTargetKind.Product, productA));
    }

    [Fact]
    public async Task Owner_CannotPrintAnEventsCode()
    {
        var (owner, _, _) = await QrData.OwnerWithProductAsync(site);
        var eventId = await QrData.CreateEventAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/kode-qr/acara/{eventId}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToLogIn_AndMakesNothing()
    {
        var (owner, _, productId) = await QrData.OwnerWithProductAsync(site);
        var path = $"/kode-qr/produk/{productId}";
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        var page = await ownerClient.GetPageAsync(path);
        using var anonymous = site.CreateClient();

        Accounts.AssertRedirectsTo(await anonymous.GetAsync(path), "/akun/masuk");
        Accounts.AssertRedirectsTo(await anonymous.GetAsync($"{path}/label/a6"), "/akun/masuk");
        var post = await anonymous.SubmitAsync(page, "main form.form");

        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString == path);
        Assert.Empty(await QrData.CodesOfAsync(site, QrTargetKind.Product, productId));
    }

    [Fact]
    public async Task Post_Make_WithoutAntiforgeryToken_IsRefused()
    {
        var (owner, _, productId) = await QrData.OwnerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var path = $"/kode-qr/produk/{productId}";
        var page = await client.GetPageAsync(path);
        page.QuerySelector("main form.form input[name='__RequestVerificationToken']")!.Remove();

        var response = await client.SubmitAsync(page, "main form.form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await QrData.CodesOfAsync(site, QrTargetKind.Product, productId));
    }

    [Fact]
    public async Task Staff_MakesCodesForAnyProductMakerAndEvent()
    {
        var (_, ikmId, productId) = await QrData.OwnerWithProductAsync(site);
        var eventId = await QrData.CreateEventAsync(site, EventState.Draft);
        using var staff = await StaffClientAsync();

        foreach (var (kind, id) in new[] { (QrTargetKind.Product, productId), (QrTargetKind.Ikm, ikmId), (QrTargetKind.Event, eventId) })
        {
            var code = await MakeAsync(staff, QrTargets.PrintPath(kind, id));
            Assert.Equal(code, Assert.Single(await QrData.CodesOfAsync(site, kind, id)).Code);
        }
        var eventPage = await staff.GetPageAsync($"/kode-qr/acara/{eventId}");
        Assert.NotNull(eventPage.QuerySelector("main .notice"));
    }

    [Fact]
    public async Task StaffAndOwnerPages_LinkToTheQrPages()
    {
        var (owner, ikmId, productId) = await QrData.OwnerWithProductAsync(site);
        var eventId = await QrData.CreateEventAsync(site);
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        using var staff = await StaffClientAsync();

        Assert.NotNull((await ownerClient.GetPageAsync("/dasbor")).QuerySelector($"a[href='/kode-qr/produk/{productId}']"));
        Assert.NotNull((await ownerClient.GetPageAsync("/dasbor")).QuerySelector($"a[href='/kode-qr/ikm/{ikmId}']"));
        Assert.NotNull((await ownerClient.GetPageAsync("/dasbor/usaha")).QuerySelector($"a[href='/kode-qr/ikm/{ikmId}']"));
        Assert.NotNull((await ownerClient.GetPageAsync("/dasbor/produk")).QuerySelector($"a[href='/kode-qr/produk/{productId}']"));
        Assert.NotNull((await staff.GetPageAsync($"/admin/produk/{productId}")).QuerySelector($"a[href='/kode-qr/produk/{productId}']"));
        Assert.NotNull((await staff.GetPageAsync($"/admin/verifikasi/{ikmId}")).QuerySelector($"a[href='/kode-qr/ikm/{ikmId}']"));
        Assert.NotNull((await staff.GetPageAsync($"/admin/acara/ubah/{eventId}")).QuerySelector($"a[href='/kode-qr/acara/{eventId}']"));
    }

    [Fact]
    public async Task Dashboard_ShowsQrScansBesideClicks_ForProductsAndTheIkm()
    {
        var (owner, ikmId, productId) = await QrData.OwnerWithProductAsync(site);
        var productCode = await QrData.CreateCodeAsync(site, QrTargetKind.Product, productId);
        var ikmCode = await QrData.CreateCodeAsync(site, QrTargetKind.Ikm, ikmId);
        var today = Wib.Today(TimeProvider.System);
        await PortalData.ReadAsync(site, async db =>
        {
            var ids = db.QrCodes.Where(q => q.Code == productCode || q.Code == ikmCode).ToDictionary(q => q.Code, q => q.Id);
            db.QrScans.AddRange(
                new QrScanDay { QrCodeId = ids[productCode], Day = today, Scans = 3 },
                new QrScanDay { QrCodeId = ids[productCode], Day = today.AddDays(-40), Scans = 4 },
                new QrScanDay { QrCodeId = ids[ikmCode], Day = today.AddDays(-2), Scans = 5 });
            db.OutboundClicks.Add(new OutboundClickDay { ProductId = productId, Platform = Marketplace.Tokopedia, Day = today, Clicks = 6 });
            return await db.SaveChangesAsync();
        });
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/kode-qr/produk/{productId}']") is not null);
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Contains("Tokopedia: 6", cells[2], StringComparison.Ordinal);
        Assert.Contains("30 hari: 3", cells[3], StringComparison.Ordinal);
        Assert.Contains("Total: 7", cells[3], StringComparison.Ordinal);
        var facts = page.QuerySelector("#usaha-saya")!.ParentElement!.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("5 dalam 30 hari terakhir, 5 sejak dibuat", facts, StringComparison.Ordinal);
        Assert.Contains("3 dalam 30 hari terakhir, 7 sejak dibuat", facts, StringComparison.Ordinal);
        Assert.Contains("6 dalam 30 hari terakhir", facts, StringComparison.Ordinal);
    }

    private static async Task<string> StylesheetAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string file)
    {
        var href = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith(file, StringComparison.Ordinal));
        return await client.GetStringAsync(href);
    }
}
