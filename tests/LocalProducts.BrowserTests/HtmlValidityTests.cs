using System.Diagnostics;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.BrowserTests;

/// The pages as the server sends them, checked by the W3C Nu HTML checker (vnu.jar from npm, run
/// offline on Java): no errors.
[Collection(BrowserTestGroup.Name)]
public sealed class HtmlValidityTests(BrowserFixture site)
{
    [Fact]
    public async Task MelokalPages_AsSent_HaveNoHtmlErrors()
    {
        int finalRound, watchedRound;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            finalRound = await db.InfluencerRounds.Where(r => r.Slug == "melokal-bandung").Select(r => r.Id).SingleAsync();
            watchedRound = await db.InfluencerRounds.Where(r => r.Slug == "melokal-surabaya").Select(r => r.Id).SingleAsync();
        }
        string[] paths =
        [
            "/", "/produk", "/melokal", "/kampanye/melokal", "/kampanye/melokal/melokal",
            "/kampanye/melokal/peringkat/melokal-bandung", "/kampanye/melokal/peringkat/melokal-surabaya",
            "/acara/ngobrol-santai-melokal-surabaya",
            "/admin/melokal", "/admin/melokal/baru",
            $"/admin/melokal/{watchedRound}", $"/admin/melokal/{watchedRound}/ubah", $"/admin/melokal/{watchedRound}/peserta",
            $"/admin/melokal/{watchedRound}/konten", $"/admin/melokal/{watchedRound}/konten/tambah", $"/admin/melokal/{watchedRound}/impor",
            $"/admin/melokal/{finalRound}", $"/admin/melokal/{finalRound}/tanda", $"/admin/melokal/{finalRound}/final", $"/admin/melokal/{finalRound}/konten",
        ];
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(page, Roles.Staff);

        await AssertValidAsync(context, paths);
    }

    [Fact]
    public async Task ShopperNewsAndAccountPages_AsSent_HaveNoHtmlErrors()
    {
        string product, maker, post;
        List<string> compared;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            product = await db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
            // Products with certificates, so the comparison shows them.
            compared = await db.Products.Where(p => p.State == ProductState.Published && p.Certifications.Any()).OrderBy(p => p.Id).Select(p => p.Slug).Take(4).ToListAsync();
            maker = await db.Ikms.Where(i => i.Verification == VerificationState.Verified).OrderBy(i => i.Id).Select(i => i.Slug).FirstAsync();
            post = await db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
        }
        string[] paths =
        [
            "/produk", "/produk?q=kopi+gayo", "/produk?q=kopii", $"/produk/{product}", "/ikm", $"/ikm/{maker}", "/kampanye",
            "/kampanye/satu-dalam-kopi", "/berita", $"/berita/{post}", "/acara", "/acara/ngobrol-santai-melokal-jakarta",
            "/akun/masuk", "/akun/daftar", "/akun/lupa-sandi",
            "/kampanye/satu-dalam-kopi/dampak", "/e-smart-ikm", "/produk?esmart=alumni",
            "/tentang", "/kontak", "/privasi", "/syarat",
            "/simpanan", $"/simpanan?p={string.Join(',', compared)},tidak-ada-lagi", $"/bandingkan?p={string.Join(',', compared)}", "/bandingkan",
        ];
        // The main pages of the phone and accessibility checks too: the post there has a comment.
        var main = await MainPagesAccessibilityTests.MainPagesAsync(site);
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });

        await AssertValidAsync(context, [.. paths.Union(main)]);
    }

    [Fact]
    public async Task ImpactAndESmartPages_OfOwnersAndStaff_HaveNoHtmlErrors()
    {
        int campaign, cohort;
        long report;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            campaign = await db.Campaigns.Where(c => c.Slug == "satu-dalam-kopi").Select(c => c.Id).SingleAsync();
            cohort = await db.ESmartCohorts.OrderBy(c => c.StartsOn).Select(c => c.Id).FirstAsync();
            var ikm = await db.Ikms.Where(i => i.Slug == "batur-sangrai-kintamani").Select(i => i.Id).SingleAsync();
            report = await db.SalesReports.Where(r => r.IkmId == ikm).OrderByDescending(r => r.PeriodStart).Select(r => r.Id).FirstAsync();
        }
        await using (var owner = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl }))
        {
            var page = await owner.NewPageAsync();
            await page.GotoAsync("/akun/masuk");
            await page.GetByLabel("E-mail").FillAsync("pemilik.kopi@melokal.test");
            await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync("Pemilik-Kopi-2026");
            await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/akun/masuk");

            await AssertValidAsync(owner,
                ["/dasbor", "/dasbor/penjualan", "/dasbor/penjualan/baru", $"/dasbor/penjualan/{report}", "/dasbor/penjualan/impor", "/dasbor/grafik", "/dasbor/e-smart-ikm"]);
        }
        await using var staff = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var desk = await staff.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(desk, Roles.Staff);

        await AssertValidAsync(staff,
            ["/admin/penjualan", $"/admin/kampanye/{campaign}/dampak", "/admin/e-smart", "/admin/e-smart/ubah", $"/admin/e-smart/{cohort}", $"/admin/e-smart/ubah/{cohort}",
             "/admin/pencarian/sinonim", "/admin/pencarian/sinonim?q=hijab&jenis=sama-arti", "/admin/pencarian/sinonim/ubah"]);
    }

    [Fact]
    public async Task ListingReportAndNibCheckPages_HaveNoHtmlErrors()
    {
        string product;
        int ikm;
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var listing = await db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug, p.IkmId }).FirstAsync();
            product = listing.Slug;
            ikm = listing.IkmId;
            // One open and one closed report, so the queue shows both kinds of card.
            var staffId = await db.Users.Where(u => u.Email == "staf@melokal.test").Select(u => u.Id).SingleAsync();
            var closed = new ListingReport { ProductId = listing.Id, Reason = ListingReportReason.Other, ReportedAt = DateTimeOffset.UtcNow.AddDays(-2) };
            closed.Close(ListingReportState.Dismissed, "Tautan sudah diperbaiki.", staffId, DateTimeOffset.UtcNow);
            db.ListingReports.AddRange(
                new ListingReport { ProductId = listing.Id, Reason = ListingReportReason.ExpiredCertificate, Details = "Sertifikat halal kedaluwarsa.", ReportedAt = DateTimeOffset.UtcNow.AddDays(-1) },
                closed);
            await db.SaveChangesAsync();
        }
        await using (var shopper = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl }))
        {
            await AssertValidAsync(shopper, [$"/produk/{product}/laporkan"]);
        }
        await using var staff = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var desk = await staff.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(desk, Roles.Staff);

        await AssertValidAsync(staff, ["/admin", "/admin/laporan", "/admin/laporan?daftar=ditutup", "/admin/verifikasi", $"/admin/verifikasi/{ikm}"]);
    }

    /// Fetches each page as the server sends it (with the context's cookies) and checks them all
    /// in one run of the checker.
    private static async Task AssertValidAsync(Microsoft.Playwright.IBrowserContext context, string[] paths)
    {
        var folder = Directory.CreateTempSubdirectory("melokal-html-");
        try
        {
            for (var i = 0; i < paths.Length; i++)
            {
                var response = await context.APIRequest.GetAsync(paths[i]);
                Assert.True(response.Ok, $"GET {paths[i]} answered {response.Status}");
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{i:00}.html"), await response.TextAsync());
            }

            var errors = await CheckAsync(folder.FullName);

            // Each error names its file: the number is the page's place in the list.
            var named = errors.Select(e => paths.Select((p, i) => (p, i)).Aggregate(e, (line, x) => line.Replace($"{x.i:00}.html", x.p, StringComparison.Ordinal)));
            Assert.True(errors.Count == 0, string.Join('\n', named));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// Runs vnu.jar over the folder; returns its error lines.
    private static async Task<IReadOnlyList<string>> CheckAsync(string folder)
    {
        var start = new ProcessStartInfo("java", ["-jar", FindVnu(), "--errors-only", "--format", "gnu", "--skip-non-html", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return [.. (errors + await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    private static string FindVnu()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var jar = Path.Combine(folder.FullName, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            if (File.Exists(jar))
            {
                return jar;
            }
        }
        throw new InvalidOperationException("vnu.jar was not found: the build installs it with npm ci in tests/LocalProducts.BrowserTests.");
    }
}
