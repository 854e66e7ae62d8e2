using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

/// A Melokal round from creation to its final leaderboard, through the pages staff and
/// influencers use, with axe-core on each of them.
[Collection(BrowserTestGroup.Name)]
public sealed partial class MelokalJourneyTests(BrowserFixture site)
{
    private const string CampaignSlug = "bangga-buatan-indonesia";

    private sealed record Influencer(string Name, string City, string Email, string Handle, string Followers);

    [Fact]
    public async Task Round_GoesFromCreation_ThroughSignUpImportAndFlags_ToAFinalLeaderboard()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var title = $"Melokal Uji {suffix}";
        var ayu = new Influencer("Ayu Lestari", "Bandung", $"ayu.{suffix}@contoh.test", $"ayu.{suffix}", "10.000");
        var budi = new Influencer("Budi Santoso", "Surabaya", $"budi.{suffix}@contoh.test", $"budi.{suffix}", "20.000");
        var today = DateOnly.FromDateTime(Wib.ToWib(DateTimeOffset.UtcNow).DateTime);

        await using var staffContext = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var staff = await staffContext.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(staff, Roles.Staff);

        // Staff create the round as a draft: a window that began three days ago.
        await staff.GotoAsync("/admin/melokal");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Putaran baru" }).ClickAsync();
        await staff.WaitForURLAsync("**/admin/melokal/baru");
        await AssertAccessibleAsync(staff);
        await staff.GetByLabel("Judul putaran").FillAsync(title);
        await staff.GetByLabel("Kampanye", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Bangga Buatan Indonesia" });
        await staff.GetByLabel("Hari pertama dipantau").FillAsync(today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await staff.GetByLabel("Jumlah hari dipantau").FillAsync("7");
        await staff.GetByLabel("Minimal kiriman agar masuk peringkat").FillAsync("2");
        await staff.GetByLabel("Peringkat 1", new() { Exact = true }).FillAsync("1");
        await staff.GetByLabel("Hadiah 1", new() { Exact = true }).FillAsync("Paket produk lokal");
        await staff.GetByLabel("Nilai (rupiah) 1", new() { Exact = true }).FillAsync("5.000.000");
        await staff.GetByLabel("Peringkat 2", new() { Exact = true }).FillAsync("2");
        await staff.GetByLabel("Hadiah 2", new() { Exact = true }).FillAsync("Voucher belanja");
        await staff.GetByLabel("Nilai (rupiah) 2", new() { Exact = true }).FillAsync("1.000.000");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();
        await staff.WaitForURLAsync(new Regex(@"/admin/melokal/\d+$"));
        var roundId = int.Parse(new Uri(staff.Url).Segments[^1], CultureInfo.InvariantCulture);
        await ExpectStateAsync(staff, "Draf");
        await AssertAccessibleAsync(staff);

        await MoveAsync(staff, "Buka pendaftaran", "Pendaftaran dibuka");
        var roundSlug = (await staff.GetByRole(AriaRole.Link, new() { Name = "Formulir pendaftaran (publik)" }).GetAttributeAsync("href"))!.Split('/')[^2];

        // Two influencers sign up on their phones and confirm through the mailed link.
        foreach (var influencer in new[] { ayu, budi })
        {
            await SignUpAndConfirmAsync(influencer, roundSlug, checkAccessibility: influencer == ayu);
        }

        // Staff approve both.
        await staff.GotoAsync($"/admin/melokal/{roundId}/peserta");
        var pending = staff.GetByRole(AriaRole.Region, new() { Name = "Menunggu keputusan (2)" });
        await Expect(pending).ToBeVisibleAsync();
        await AssertAccessibleAsync(staff);
        foreach (var influencer in new[] { ayu, budi })
        {
            await EntryCard(staff, influencer).GetByRole(AriaRole.Button, new() { Name = "Terima" }).ClickAsync();
            await Expect(staff.GetByRole(AriaRole.Region, new() { NameRegex = new Regex(@"^Diterima \(\d\)$") })
                .GetByRole(AriaRole.Heading, new() { Name = influencer.Name })).ToBeVisibleAsync();
        }
        await Expect(staff.GetByRole(AriaRole.Region, new() { Name = "Diterima (2)" })).ToBeVisibleAsync();

        await staff.GotoAsync($"/admin/melokal/{roundId}");
        await MoveAsync(staff, "Mulai pemantauan", "Pemantauan");

        // The figures come as a spreadsheet export: ';' between columns, '.' between thousands.
        // Budi's first post has 1.500 likes for 3 comments: a flag.
        var csv = Path.Combine(Path.GetTempPath(), $"melokal-{suffix}.csv");
        await File.WriteAllTextAsync(csv, MetricsCsv(today, ayu, budi, suffix), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            await staff.GetByRole(AriaRole.Navigation, new() { Name = "Bagian putaran" }).GetByRole(AriaRole.Link, new() { Name = "Impor CSV" }).ClickAsync();
            await staff.WaitForURLAsync($"**/admin/melokal/{roundId}/impor");
            await AssertAccessibleAsync(staff);
            await staff.GetByLabel("Berkas CSV (paling besar 25 MB)").SetInputFilesAsync(csv);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Unggah dan periksa" }).ClickAsync();
        }
        finally
        {
            File.Delete(csv);
        }
        await staff.WaitForURLAsync(new Regex(@"/admin/melokal/impor/\d+$"));
        // The background worker runs the import; the page follows it until it is done.
        var status = staff.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Keadaan:") });
        await Expect(status.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Keadaan: Selesai", new() { Timeout = 20_000 });
        await Expect(status.GetByRole(AriaRole.Definition).Nth(1)).ToHaveTextAsync(";");
        await Expect(status.Locator("[data-count=new-posts]")).ToHaveTextAsync("4");
        await Expect(status.Locator("[data-count=bad]")).ToHaveTextAsync("0");
        await AssertAccessibleAsync(staff);

        await staff.GetByRole(AriaRole.Link, new() { Name = "Kembali ke putaran" }).ClickAsync();
        await staff.WaitForURLAsync($"**/admin/melokal/{roundId}");
        await MoveAsync(staff, "Mulai penilaian", "Penilaian");

        // The flags: checked, then cleared with a reason.
        await staff.GotoAsync($"/admin/melokal/{roundId}/tanda");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Periksa tanda" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Tanda terbuka (1)" })).ToBeVisibleAsync();
        var flag = staff.GetByRole(AriaRole.Article, new() { Name = "Suka jauh melebihi komentar" });
        await Expect(flag).ToContainTextAsync(budi.Name);
        await Expect(flag).ToContainTextAsync("1500 / 3");
        await AssertAccessibleAsync(staff);
        await flag.GetByLabel("Wajar: tanda dibersihkan").CheckAsync();
        await flag.GetByLabel("Alasan").FillAsync("Unggahan giveaway: banyak suka, sedikit komentar, tetapi akunnya wajar.");
        await flag.GetByRole(AriaRole.Button, new() { Name = "Simpan keputusan" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Tanda terbuka (0)" })).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Table, new() { Name = "Tanda yang sudah diputuskan" })).ToContainTextAsync("Dinyatakan wajar");

        // Finalised: the ranking is frozen with its prizes.
        await staff.GetByRole(AriaRole.Link, new() { Name = "Ke halaman finalisasi" }).ClickAsync();
        await staff.WaitForURLAsync($"**/admin/melokal/{roundId}/final");
        await AssertAccessibleAsync(staff);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Finalkan", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Peringkat final", Exact = true })).ToBeVisibleAsync();
        await AssertAccessibleAsync(staff);

        // The public leaderboard, on a phone.
        await using var visitorContext = await site.NewPhoneAsync();
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync($"/kampanye/{CampaignSlug}/peringkat/{roundSlug}");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync("Tingkat keterlibatan sebuah unggahan = (suka + komentar + bagikan + simpan) ÷ jumlah pengikut");
        var ranking = visitor.GetByRole(AriaRole.Table, new() { Name = $"Peringkat {title}" });
        var rows = ranking.Locator("tbody").GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync(ayu.Name);
        await Expect(rows.Nth(0)).ToContainTextAsync("Paket produk lokal (Rp 5.000.000)");
        await Expect(rows.Nth(0).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("1");
        await Expect(rows.Nth(1)).ToContainTextAsync(budi.Name);
        await Expect(rows.Nth(1)).ToContainTextAsync("Voucher belanja (Rp 1.000.000)");
        await AssertAccessibleAsync(visitor);

        var download = await visitorContext.APIRequest.GetAsync($"/kampanye/{CampaignSlug}/peringkat/{roundSlug}.csv");
        Assert.True(download.Ok, $"The CSV answered {download.Status}.");
        var lines = (await download.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(ayu.Name, lines[1], StringComparison.Ordinal);
        Assert.Contains(budi.Name, lines[2], StringComparison.Ordinal);

        await visitor.GotoAsync("/melokal");
        await AssertAccessibleAsync(visitor);
        await visitor.GotoAsync($"/kampanye/{CampaignSlug}/melokal");
        await Expect(visitor.GetByRole(AriaRole.Main)).ToContainTextAsync(title);
        await AssertAccessibleAsync(visitor);
    }

    private async Task SignUpAndConfirmAsync(Influencer influencer, string roundSlug, bool checkAccessibility)
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        var signUpPath = $"/kampanye/{CampaignSlug}/melokal/{roundSlug}/daftar";
        await page.GotoAsync(signUpPath);
        if (checkAccessibility)
        {
            await AssertAccessibleAsync(page);
        }
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync(influencer.Name);
        await page.GetByLabel("Kota", new() { Exact = true }).FillAsync(influencer.City);
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(influencer.Email);
        await page.GetByLabel("Akun Instagram", new() { Exact = true }).FillAsync("@" + influencer.Handle);
        await page.GetByLabel("Pengikut di Instagram", new() { Exact = true }).FillAsync(influencer.Followers);
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tinggal satu langkah");

        var link = ConfirmationLink().Match(site.MailTo(influencer.Email).Single()).Value;
        Assert.NotEmpty(link);
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("@" + influencer.Handle);
        await page.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi pendaftaran" }).ClickAsync();
        await page.WaitForURLAsync("**" + signUpPath);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sudah dikonfirmasi");
    }

    /// Two posts for each influencer on Instagram, inside the window, each with one set of figures.
    /// Ayu: 1.000 and 750 interactions on 10.000 followers (median 8,75 %); Budi: 1.503 and 440 on
    /// 20.000 (median 4,86 %), the 1.503 being 1.500 likes for 3 comments.
    private static string MetricsCsv(DateOnly today, Influencer ayu, Influencer budi, string suffix)
    {
        string At(int daysAgo, int hour) => today.AddDays(-daysAgo).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + $" {hour:00}.00";
        string Row(Influencer who, int post, int daysAgo, string likes, string comments, string shares, string saves) =>
            $"Instagram;@{who.Handle};https://www.instagram.com/p/{who.Handle.Replace(".", "", StringComparison.Ordinal)}{post}{suffix}/;"
            + $"{At(daysAgo, 10)};{At(daysAgo, 22)};{who.Followers};{likes};{comments};{shares};{saves};;";
        return string.Join("\r\n",
            "platform;akun;url;diposting;diambil;pengikut;suka;komentar;dibagikan;disimpan;tayangan;produk",
            Row(ayu, 1, 2, "900", "60", "20", "20"),
            Row(ayu, 2, 1, "700", "50", "0", "0"),
            Row(budi, 1, 2, "1.500", "3", "0", "0"),
            Row(budi, 2, 1, "400", "40", "0", "0")) + "\r\n";
    }

    private static ILocator EntryCard(IPage page, Influencer influencer) =>
        page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = influencer.Name }) });

    private static async Task MoveAsync(IPage page, string button, string state)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await ExpectStateAsync(page, state);
    }

    private static Task ExpectStateAsync(IPage page, string state) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex("^Status:") })).ToHaveTextAsync($"Status: {state}");

    private async Task AssertAccessibleAsync(IPage page)
    {
        var problems = await site.SeriousAccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, $"{page.Url}\n{string.Join('\n', problems)}");
    }

    [GeneratedRegex(@"https?://\S+/melokal/[^/\s]+/konfirmasi\?\S+")]
    private static partial Regex ConfirmationLink();
}
