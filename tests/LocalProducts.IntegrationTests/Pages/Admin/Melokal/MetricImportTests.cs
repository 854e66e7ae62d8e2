using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Melokal.MetricImports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin.Melokal;

public sealed class MetricImportTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Header = "platform;akun;url;diposting;diambil;pengikut;suka;komentar;dibagikan;disimpan;tayangan";

    private static string Row(string platform, string handle, string post, string takenAt, string followers = "12.450", string likes = "1.234", string comments = "56", string shares = "3", string saves = "4", string views = "") =>
        $"{platform};@{handle};{Url(platform, handle, post)};12/01/2027 14.30;{takenAt};{followers};{likes};{comments};{shares};{saves};{views}";

    private static string Url(string platform, string handle, string post) => platform == "TikTok"
        ? $"https://www.tiktok.com/@{handle}/video/{post}"
        : $"https://www.instagram.com/p/{post}/";

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\r\n" + string.Join("\r\n", rows) + "\r\n");

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    /// Uploads through the page and returns the import's id (from the redirect to its status page).
    private static async Task<int> UploadAsync(HttpClient client, int roundId, byte[] content, string fileName = "angka.csv")
    {
        var response = await UploadResponseAsync(client, roundId, content, fileName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/admin/melokal/impor/", location, StringComparison.Ordinal);
        return int.Parse(location["/admin/melokal/impor/".Length..], CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> UploadResponseAsync(HttpClient client, int roundId, byte[] content, string fileName = "angka.csv")
    {
        var page = await client.GetPageAsync($"/admin/melokal/{roundId}/impor");
        return await client.SubmitAsync(page, "#unggah", files: [new FormFile("Berkas", fileName, content, "text/csv")]);
    }

    /// Runs the waiting imports here (the background worker may take them first) and waits until
    /// this one has stopped working.
    private async Task<MetricImport> WaitForImportAsync(int importId, TimeSpan? limit = null)
    {
        var runner = site.Factory.Services.GetRequiredService<MetricImportRunner>();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await runner.RunPendingAsync(CancellationToken.None);
            var import = await PortalData.ReadAsync(site, db => db.MetricImports.AsNoTracking().SingleAsync(i => i.Id == importId));
            if (!import.IsWorking)
            {
                return import;
            }
            Assert.True(watch.Elapsed < (limit ?? TimeSpan.FromSeconds(60)), $"Import {importId} still {import.State} after {watch.Elapsed}");
            await Task.Delay(100);
        }
    }

    private async Task<int> SnapshotsAsync(int roundId) =>
        await PortalData.ReadAsync(site, db => db.MetricSnapshots.CountAsync(s => db.RoundPosts.Any(p => p.Id == s.PostId && p.RoundId == roundId)));

    private async Task<int> PostsAsync(int roundId) => await PortalData.ReadAsync(site, db => db.RoundPosts.CountAsync(p => p.RoundId == roundId));

    [Fact]
    public async Task Post_Upload_CleanFile_ImportsStraightAway_AndTheStatusPageSaysWhatWasDetected()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        var a = round.Approved[0].Handle;
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, Csv(
            Row("Instagram", a, "P1", "13/01/2027 09:00"),
            Row("Instagram", a, "P1", "14/01/2027 09:00"),
            Row("TikTok", a, "701", "2027-01-13 10:00", views: "45.300")));
        var import = await WaitForImportAsync(id);
        var page = await client.GetPageAsync($"/admin/melokal/impor/{id}");

        Assert.Equal(ImportState.Done, import.State);
        Assert.Equal((2, 3, 0), (import.NewPosts, import.NewSnapshots, import.AlreadyStored));
        Assert.Equal(2, await PostsAsync(round.RoundId));
        Assert.Equal(3, await SnapshotsAsync(round.RoundId));
        Assert.Equal("UTF-8", page.QuerySelector("[data-field='encoding']")!.TextContent);
        Assert.Equal(";", page.QuerySelector("[data-field='separator']")!.TextContent);
        Assert.Equal("1.234", page.QuerySelector("[data-field='number-format']")!.TextContent);
        Assert.Equal("3", page.QuerySelector("[data-count='new-snapshots']")!.TextContent);
        Assert.Null(page.QuerySelector("meta[http-equiv='refresh']"));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/melokal/{round.RoundId}']"));
        var stored = await PortalData.ReadAsync(site, db => db.MetricSnapshots.AsNoTracking()
            .Where(s => s.ImportId == id).OrderBy(s => s.TakenAt).FirstAsync());
        Assert.Equal((12_450, 1_234, MetricsSource.Import), (stored.Followers, stored.Likes, stored.Source));
        Assert.Equal(new DateTimeOffset(2027, 1, 13, 2, 0, 0, TimeSpan.Zero), stored.TakenAt);
    }

    [Fact]
    public async Task Post_Upload_FileWithErrors_ListsTheLines_AndImportsNothingUntilGoodRowsAreChosen()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        var a = round.Approved[0].Handle;
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, Csv(
            Row("Instagram", a, "G1", "13/01/2027 09:00"),
            Row("Instagram", a, "G2", "13/01/2027 09:00", likes: "banyak"),
            Row("Instagram", round.Pending.Handle, "G3", "13/01/2027 09:00"),
            Row("Instagram", a, "G4", "13/01/2027 09:00")));
        var checkedImport = await WaitForImportAsync(id);
        var page = await client.GetPageAsync($"/admin/melokal/impor/{id}");

        Assert.Equal(ImportState.NeedsDecision, checkedImport.State);
        Assert.Equal(0, await PostsAsync(round.RoundId));
        var errors = page.QuerySelectorAll("#masalah tr[data-severity='Error']").Select(r => (r.GetAttribute("data-line"), r.GetAttribute("data-kind"))).ToList();
        Assert.Equal([("3", nameof(ImportProblemKind.NotANumber)), ("4", nameof(ImportProblemKind.InfluencerNotApproved))], errors);
        Assert.Contains("banyak", page.QuerySelector("#masalah tr[data-line='3']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Impor 2 baris yang baik", page.QuerySelector("#impor-baik button")!.TextContent, StringComparison.Ordinal);

        var response = await client.SubmitAsync(page, "#impor-baik");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var imported = await WaitForImportAsync(id);

        Assert.Equal(ImportState.Done, imported.State);
        Assert.Equal(2, imported.NewSnapshots);
        Assert.Equal(2, await SnapshotsAsync(round.RoundId));
    }

    [Fact]
    public async Task Post_Cancel_FileWithErrors_ImportsNothing()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        using var client = await StaffClientAsync();
        var id = await UploadAsync(client, round.RoundId, Csv(
            Row("Instagram", round.Approved[0].Handle, "C1", "13/01/2027 09:00"),
            Row("Facebook", round.Approved[0].Handle, "C2", "13/01/2027 09:00")));
        await WaitForImportAsync(id);
        var page = await client.GetPageAsync($"/admin/melokal/impor/{id}");

        await client.SubmitAsync(page, "#batalkan");

        Assert.Equal(ImportState.Cancelled, (await WaitForImportAsync(id)).State);
        Assert.Equal(0, await PostsAsync(round.RoundId));
    }

    [Fact]
    public async Task Post_Upload_SameFileTwice_AddsNothingTwice_AndSaysItWasImportedBefore()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        var a = round.Approved[0].Handle;
        var b = round.Approved[1].Handle;
        var content = Csv(Row("Instagram", a, "S1", "13/01/2027 09:00"), Row("Instagram", b, "S2", "13/01/2027 09:00"), Row("Instagram", b, "S2", "14/01/2027 09:00"));
        using var client = await StaffClientAsync();

        var first = await UploadAsync(client, round.RoundId, content);
        await WaitForImportAsync(first);
        var second = await UploadAsync(client, round.RoundId, content);
        var again = await WaitForImportAsync(second);
        var page = await client.GetPageAsync($"/admin/melokal/impor/{second}");

        Assert.Equal(ImportState.Done, again.State);
        Assert.Equal((0, 0, 3), (again.NewPosts, again.NewSnapshots, again.AlreadyStored));
        Assert.Equal(2, await PostsAsync(round.RoundId));
        Assert.Equal(3, await SnapshotsAsync(round.RoundId));
        Assert.Equal(first.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-same-file]")!.GetAttribute("data-same-file"));
        Assert.Null((await client.GetPageAsync($"/admin/melokal/impor/{first}")).QuerySelector("[data-same-file]"));
    }

    [Fact]
    public async Task Post_Upload_HiddenCounts_AreStoredAsNull_NotZero()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, Csv(
            Row("Instagram", round.Approved[0].Handle, "H1", "13/01/2027 09:00", likes: "disembunyikan", shares: "-1", saves: "", comments: "0")));
        var import = await WaitForImportAsync(id);

        Assert.Equal(ImportState.Done, import.State);
        Assert.Equal(1, import.WarningRows);
        var snapshot = await PortalData.ReadAsync(site, db => db.MetricSnapshots.AsNoTracking().SingleAsync(s => s.ImportId == id));
        Assert.Null(snapshot.Likes);
        Assert.Null(snapshot.Shares);
        Assert.Null(snapshot.Saves);
        Assert.Equal(0, snapshot.Comments);
        Assert.Contains(import.Problems, p => p.Kind == ImportProblemKind.CountHidden && p.Column == "suka" && p.Line == 2);
    }

    [Fact]
    public async Task Post_Upload_WrongColumns_FailsTheFile_NamingMissingAndUnknownColumns()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, Encoding.UTF8.GetBytes("platform;akun;link;diposting;pengikut;suka;komentar;warna\nInstagram;a;b;c;1;2;3;4\n"));
        var import = await WaitForImportAsync(id);
        var page = await client.GetPageAsync($"/admin/melokal/impor/{id}");

        Assert.Equal(ImportState.Failed, import.State);
        Assert.Contains("diambil", page.QuerySelector("[data-field='missing-columns']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("warna", page.QuerySelector("[data-field='unknown-columns']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await PostsAsync(round.RoundId));
    }

    [Fact]
    public async Task Post_Upload_ExcelWorkbook_FailsAsUnreadable()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], "angka.xlsx");
        var import = await WaitForImportAsync(id);
        var page = await client.GetPageAsync($"/admin/melokal/impor/{id}");

        Assert.Equal(ImportState.Failed, import.State);
        Assert.Equal(ImportProblemKind.UnreadableEncoding, import.FileProblem!.Kind);
        Assert.Contains("CSV", page.QuerySelector("[data-file-problem]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Upload_Windows1252File_IsRead()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        var text = Header + ";produk\r\n" + Row("Instagram", round.Approved[0].Handle, "W1", "13/01/2027 09:00") + ";\"Kopi – Rp 25.000, café\"\r\n";
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, windows1252.GetBytes(text));
        var import = await WaitForImportAsync(id);

        Assert.Equal("Windows-1252", import.DetectedEncoding);
        // The product column was read whole (é and the quoted comma included) and is not a product.
        var problem = Assert.Single(import.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal((ImportProblemKind.UnknownProduct, "Kopi – Rp 25.000, café"), (problem.Kind, problem.Value));
    }

    [Fact]
    public async Task Post_Upload_RoundNotTakingPosts_IsRefused()
    {
        var round = await MelokalData.CreateRoundAsync(site, state: RoundState.Draft);
        using var client = await StaffClientAsync();

        var response = await UploadResponseAsync(client, round.RoundId, Csv(Row("Instagram", round.Approved[0].Handle, "D1", "13/01/2027 09:00")));
        var page = await SiteFixture.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tidak menerima postingan", page.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await PortalData.ReadAsync(site, db => db.MetricImports.CountAsync(i => i.RoundId == round.RoundId)));
    }

    [Fact]
    public async Task Post_Upload_AsOwner_IsRefused()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        var owner = await PortalData.CreateOwnerAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var get = await client.GetAsync($"/admin/melokal/{round.RoundId}/impor");
        var post = await client.PostAsync($"/admin/melokal/{round.RoundId}/impor", new MultipartFormDataContent());
        using var anonymous = site.CreateClient();
        var anonymousGet = await anonymous.GetAsync($"/admin/melokal/{round.RoundId}/impor");

        Assert.True(get.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"GET answered {(int)get.StatusCode}");
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"POST answered {(int)post.StatusCode}");
        Assert.True(anonymousGet.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"GET answered {(int)anonymousGet.StatusCode}");
        Assert.Equal(0, await PortalData.ReadAsync(site, db => db.MetricImports.CountAsync(i => i.RoundId == round.RoundId)));
    }

    [Fact]
    public async Task Get_Status_WhileImporting_ShowsProgress_AndReloadsItself()
    {
        var round = await MelokalData.CreateRoundAsync(site);
        // Held by another instance (fresh heartbeat): no worker here takes it.
        var id = await PortalData.ReadAsync(site, async db =>
        {
            var import = new MetricImport
            {
                RoundId = round.RoundId,
                FileName = "besar.csv",
                FileSha256 = new string('a', 64),
                Content = [1],
                ContentLength = 1,
                CreatedBy = "Staf Uji",
                CreatedAt = DateTimeOffset.UtcNow,
                State = ImportState.Importing,
                TotalRows = 40_000,
                ProcessedRows = 10_000,
                HeartbeatAt = DateTimeOffset.UtcNow,
            };
            db.MetricImports.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync($"/admin/melokal/impor/{id}");
        var json = await client.GetStringAsync($"/admin/melokal/impor/{id}?handler=progress");

        Assert.Equal("25", page.QuerySelector("progress#kemajuan")!.GetAttribute("value"));
        Assert.Contains("10000 dari 40000 baris", page.QuerySelector("[data-field='progress']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", page.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content"));
        Assert.Contains("\"percent\":25", json, StringComparison.Ordinal);
        Assert.Contains("\"working\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Upload_100000Rows_ImportsInOneGo()
    {
        const int rows = 100_000;
        var round = await MelokalData.CreateRoundAsync(site, approved: 50);
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 0; i < rows; i++)
        {
            // 50 influencers × 400 posts × 5 snapshots.
            var influencer = round.Approved[i % 50].Handle;
            var post = i / 250;
            var day = 13 + ((i / 50) % 5);
            text.Append(Row("Instagram", influencer, $"B{post}x{i % 50}", $"{day}/01/2027 09:00", followers: "10.000", likes: (i % 5000).ToString("N0", CultureInfo.GetCultureInfo("id-ID")))).Append("\r\n");
        }
        using var client = await StaffClientAsync();

        var id = await UploadAsync(client, round.RoundId, Encoding.UTF8.GetBytes(text.ToString()));
        var import = await WaitForImportAsync(id, TimeSpan.FromMinutes(3));

        Assert.Equal(ImportState.Done, import.State);
        Assert.Equal((rows, rows, 0), (import.TotalRows, import.GoodRows, import.BadRows));
        Assert.Equal(rows / 5, import.NewPosts);
        Assert.Equal(rows, import.NewSnapshots);
        Assert.Equal(rows, await SnapshotsAsync(round.RoundId));
    }
}
