using System.Globalization;
using System.Net;
using System.Text;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Dashboard.Sales;

public sealed class SalesImportTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static string Day(int daysAgo) => SalesData.Today.AddDays(-daysAgo).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<HttpResponseMessage> UploadResponseAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.GetPageAsync("/dasbor/penjualan/impor");
        return await client.SubmitAsync(page, "#unggah", files: [new FormFile("Berkas", fileName, content, "text/csv")]);
    }

    /// Uploads through the page and opens the import's page it redirects to.
    private static async Task<(int Id, AngleSharp.Html.Dom.IHtmlDocument Page)> UploadAsync(HttpClient client, byte[] content, string fileName = "penjualan.csv")
    {
        var response = await UploadResponseAsync(client, content, fileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/dasbor/penjualan/impor/", location, StringComparison.Ordinal);
        return (int.Parse(location["/dasbor/penjualan/impor/".Length..], CultureInfo.InvariantCulture), await client.GetPageAsync(location));
    }

    private static int Count(AngleSharp.Html.Dom.IHtmlDocument page, string name) =>
        int.Parse(page.QuerySelector($"[data-count='{name}']")!.TextContent.Trim(), CultureInfo.InvariantCulture);

    private Task<SalesImport> ImportAsync(int id) => PortalData.ReadAsync(site, db => db.SalesImports.AsNoTracking().SingleAsync(i => i.Id == id));

    [Fact]
    public async Task Upload_GoodFile_ImportsAtOnce_WithIndonesianExcelFormats()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var month = SalesData.Month(SalesData.Today.AddMonths(-2));
        var csv = "Tanggal;Bulan;Produk;Kategori;Kanal;Unit;Pendapatan (Rp)\r\n"
            + $"{Day(3)};;{owner.ProductSlug};;Tokopedia;1.200;\"Rp 1.250.000\"\r\n"
            + $"{Day(2)};;{owner.ProductName};;Luring;3;75.000\r\n"
            + $";{month};;kopi;WhatsApp;40;4.000.000\r\n";

        var (id, page) = await UploadAsync(client, Utf8(csv));

        Assert.Equal((3, 0, 0, 0, 0), (Count(page, "new"), Count(page, "corrected"), Count(page, "held"), Count(page, "already"), Count(page, "bad")));
        var reports = await SalesData.ReportsAsync(site, owner.IkmId);
        Assert.Equal(3, reports.Count);
        Assert.Contains(reports, r => r.Channel == SalesChannel.Tokopedia && r.Units == 1200 && r.RevenueRupiah == 1_250_000 && r.ImportId == id);
        Assert.Contains(reports, r => r.Channel == SalesChannel.Offline && r.ProductId == owner.ProductId && r.RevenueRupiah == 75_000);
        Assert.Contains(reports, r => r.ProductId == null && r.PeriodKind == SalesPeriodKind.Monthly && r.RevenueRupiah == 4_000_000);
        var import = await ImportAsync(id);
        Assert.Equal((SalesImportState.Done, "UTF-8", ";"), (import.State, import.DetectedEncoding, import.DetectedSeparator));
    }

    [Fact]
    public async Task Upload_WithBadRows_ImportsNothing_UntilTheOwnerChoosesTheGoodRows()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var csv = "produk,tanggal,kanal,unit,pendapatan\n"
            + $"{owner.ProductSlug},{Day(3)},Shopee,5,\"500,000\"\n"
            + $"{owner.ProductSlug},{Day(2)},Shopee,-5,500000\n"
            + $"produk-orang-lain,{Day(2)},Shopee,5,500000\n"
            + $"{owner.ProductSlug},{Day(1)},Pasar Kaget,5,500000\n"
            + $"{owner.ProductSlug},{Day(3)},Shopee,6,600000\n"
            + $"{owner.ProductSlug},{Day(-3)},Shopee,6,600000\n";

        var (id, page) = await UploadAsync(client, Utf8(csv));

        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal(5, Count(page, "bad"));
        var problems = page.QuerySelectorAll("#masalah tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains('3') && p.Contains("Jumlah unit tidak boleh negatif", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("produk-orang-lain", StringComparison.Ordinal) && p.Contains("tidak ada di usaha Anda", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Kanal tidak dikenal: Pasar Kaget", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("mengulang baris 2", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("belum dimulai", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#masalah tr[data-line='3']"));

        var response = await client.SubmitAsync(page, "#impor-benar");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var report = Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal((5, 500_000L), (report.Units, report.RevenueRupiah));
        var import = await ImportAsync(id);
        Assert.Equal((SalesImportState.Done, 1, 5), (import.State, import.NewReports, import.BadRows));
        // The choice is made once: the old page's button changes nothing.
        var again = await client.SubmitAsync(page, "#impor-benar");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
    }

    [Fact]
    public async Task Upload_WithBadRows_Cancelled_ImportsNothing()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var csv = $"produk,tanggal,kanal,unit,pendapatan\n{owner.ProductSlug},{Day(3)},Shopee,5,500000\n{owner.ProductSlug},{Day(2)},Shopee,x,500000\n";
        var (id, page) = await UploadAsync(client, Utf8(csv));

        await client.SubmitAsync(page, "#batalkan");

        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
        Assert.Equal(SalesImportState.Cancelled, (await ImportAsync(id)).State);
    }

    [Fact]
    public async Task Upload_EveryRowBad_OffersOnlyToCancel()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;

        var (_, page) = await UploadAsync(client, Utf8($"produk,tanggal,kanal,unit,pendapatan\n{owner.ProductSlug},{Day(2)},Shopee,x,1\n"));

        Assert.Null(page.QuerySelector("#impor-benar"));
        Assert.NotNull(page.QuerySelector("#batalkan"));
        Assert.Contains("Jumlah unit bukan angka bulat: x", page.QuerySelector("#masalah")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_SameFileTwice_AddsNothing_AndChangedFiguresBecomeCorrections()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var csv = $"produk;tanggal;kanal;unit;pendapatan\n{owner.ProductSlug};{Day(3)};Shopee;5;500.000\n{owner.ProductSlug};{Day(2)};Shopee;6;600.000\n";
        await UploadAsync(client, Utf8(csv));

        var (_, second) = await UploadAsync(client, Utf8(csv));

        Assert.NotNull(second.QuerySelector("#pernah-diimpor"));
        Assert.Equal((0, 0, 2), (Count(second, "new"), Count(second, "corrected"), Count(second, "already")));
        var reports = await SalesData.ReportsAsync(site, owner.IkmId);
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Single(r.Revisions));

        var changed = csv.Replace("6;600.000", "7;700.000", StringComparison.Ordinal);
        var (_, third) = await UploadAsync(client, Utf8(changed), "penjualan-baru.csv");

        Assert.Null(third.QuerySelector("#pernah-diimpor"));
        Assert.Equal((0, 1, 1), (Count(third, "new"), Count(third, "corrected"), Count(third, "already")));
        var corrected = (await SalesData.ReportsAsync(site, owner.IkmId)).Single(r => r.Units == 7);
        Assert.Equal(2, corrected.Revisions.Count);
        Assert.Contains(corrected.Revisions, v => v.Reason == "impor penjualan-baru.csv");
    }

    [Fact]
    public async Task Upload_WrongColumns_SaysWhich_AndSavesNothing()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;

        var (id, page) = await UploadAsync(client, Utf8($"produk;tanggal;jumlah terjual\n{owner.ProductSlug};{Day(3)};5\n"));

        var message = page.QuerySelector("#masalah-berkas")!.TextContent;
        Assert.Contains("Kolom", message, StringComparison.Ordinal);
        Assert.Equal(SalesImportState.Failed, (await ImportAsync(id)).State);
        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));

        var (_, missing) = await UploadAsync(client, Utf8($"produk;tanggal;unit\n{owner.ProductSlug};{Day(3)};5\n"));
        Assert.Contains("Kolom wajib tidak ada: kanal, pendapatan", missing.QuerySelector("#masalah-berkas")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_Utf16_AndWindows1252_AreRead()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var rows = $"tanggal\tproduk\tkanal\tunit\tpendapatan\r\n{Day(3)}\t{owner.ProductSlug}\tSitus sendiri\t2\tRp 50.000\r\n";
        var utf16 = (byte[])[.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(rows)];
        var ansiRows = $"tanggal;produk;kanal;unit;pendapatan\r\n{Day(2)};{owner.ProductSlug};Café Luring;2;50.000\r\n{Day(1)};{owner.ProductSlug};Luring;3;75.000\r\n";
        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(ansiRows);

        var (first, _) = await UploadAsync(client, utf16, "utf16.csv");
        var (second, page) = await UploadAsync(client, ansi, "ansi.csv");

        Assert.Equal("UTF-16 LE (BOM)", (await ImportAsync(first)).DetectedEncoding);
        Assert.Equal("Windows-1252", (await ImportAsync(second)).DetectedEncoding);
        // The é came through as é, so the bad channel is quoted as written.
        Assert.Contains("Kanal tidak dikenal: Café Luring", page.QuerySelector("#masalah")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await SalesData.ReportsAsync(site, owner.IkmId));
    }

    [Fact]
    public async Task Upload_AWorkbook_IsUnreadable_AndSavesNothing()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;

        var (_, page) = await UploadAsync(client, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "penjualan.xlsx");

        Assert.Contains("tidak bisa dibaca sebagai teks CSV", page.QuerySelector("#masalah-berkas")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await SalesData.ReportsAsync(site, owner.IkmId));
    }

    [Fact]
    public async Task Template_DownloadsTheColumns()
    {
        var owner = await SalesData.OwnerAsync(site);
        using var client = owner.Client;

        var response = await client.GetAsync("/dasbor/penjualan/templat.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("tanggal;bulan;produk;kategori;kanal;unit;pendapatan", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OfAnotherOwner_Answers404_AndTheirDecisionCannotBeMade()
    {
        var owner = await SalesData.OwnerAsync(site);
        var other = await SalesData.OwnerAsync(site);
        using var client = owner.Client;
        var (theirs, _) = await UploadAsync(other.Client, Utf8($"produk,tanggal,kanal,unit,pendapatan\n{other.ProductSlug},{Day(3)},Shopee,5,500000\n{other.ProductSlug},{Day(2)},Shopee,x,1\n"));
        var (mine, minePage) = await UploadAsync(client, Utf8($"produk,tanggal,kanal,unit,pendapatan\n{owner.ProductSlug},{Day(3)},Shopee,5,500000\n{owner.ProductSlug},{Day(2)},Shopee,x,1\n"));
        other.Client.Dispose();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/dasbor/penjualan/impor/{theirs}")).StatusCode);
        var retargeted = PortalData.Retarget(minePage, "#impor-benar", $"/dasbor/penjualan/impor/{theirs}?handler=Import");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SubmitAsync(retargeted, "#impor-benar")).StatusCode);
        Assert.Equal(SalesImportState.NeedsDecision, (await ImportAsync(theirs)).State);
        Assert.Empty(await SalesData.ReportsAsync(site, other.IkmId));
        Assert.Equal(SalesImportState.NeedsDecision, (await ImportAsync(mine)).State);
    }
}
