using System.Text.RegularExpressions;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

/// The owners' journey end to end: a new owner registers, registers the business, staff verify it,
/// the owner lists a product with a photo, and shoppers find it in the catalogue.
[Collection(BrowserTestGroup.Name)]
public sealed partial class OwnerJourneyTests(BrowserFixture site)
{
    private const string Password = "anyaman pandan dari tasikmalaya";

    [Fact]
    public async Task NewOwner_RegistersTheBusiness_StaffVerify_ProductWithAPhoto_AppearsInTheCatalogue()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var business = $"Anyaman Uji {suffix}";
        var product = $"Tas Pandan Jelajah {suffix}";
        var email = $"pemilik.{suffix}@contoh.test";

        // 1. Register and confirm, on a phone.
        await using var owner = await site.NewPhoneAsync();
        var page = await owner.NewPageAsync();
        await page.GotoAsync("/akun/daftar");
        await page.GetByLabel("Nama tampilan").FillAsync("Pemilik Uji");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Ulangi kata sandi").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/akun/periksa-email*");
        await page.GotoAsync(ConfirmationLink().Match(site.MailTo(email).Single()).Value);
        await LogInAsync(page, email, Password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dasbor");

        // 2. The business, with the area lists that follow each other.
        await page.GotoAsync("/dasbor/usaha");
        await page.GetByLabel("Nama usaha").FillAsync(business);
        await page.GetByLabel("NIB", new() { Exact = true }).FillAsync("91" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..11]);
        await page.GetByRole(AriaRole.Radio, new() { Name = "mikro" }).CheckAsync();
        await page.GetByLabel("KBLI", new() { Exact = true }).FillAsync("13912");
        await page.GetByLabel("Provinsi", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Jawa Barat" });
        // The regency and district lists are filled by script once the province is chosen.
        var regency = page.GetByLabel("Kabupaten/kota", new() { Exact = true });
        await regency.Locator("option", new() { HasText = "Kabupaten Tasikmalaya" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await regency.SelectOptionAsync(new SelectOptionValue { Label = "Kabupaten Tasikmalaya" });
        var district = page.GetByLabel("Kecamatan", new() { Exact = true });
        await district.Locator("option").Nth(1).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await district.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("Alamat", new() { Exact = true }).FillAsync("Jalan Pandan No. 7");
        await page.GetByLabel("Cerita usaha").FillAsync("Usaha uji: anyaman pandan buatan tangan. Data fiktif.");
        await page.GetByLabel("Nomor WhatsApp").FillAsync("0812 3456 7890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftarkan usaha" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dasbor");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("menunggu verifikasi", new() { IgnoreCase = true });
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        // 3. Staff verify it (staff sign in with their authenticator).
        await using var staff = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var desk = await staff.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(desk, Roles.Staff);
        await Expect(desk).ToHaveURLAsync(BrowserFixture.PathIs("/admin"));
        await desk.GotoAsync("/admin/verifikasi");
        await desk.GetByRole(AriaRole.Link, new() { Name = business, Exact = true }).ClickAsync();
        await desk.WaitForURLAsync("**/admin/verifikasi/*");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(desk));
        await desk.GetByRole(AriaRole.Button, new() { Name = "Setujui: IKM terverifikasi" }).ClickAsync();
        await desk.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/verifikasi");
        await page.GotoAsync("/dasbor");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("menunggu verifikasi", new() { IgnoreCase = true });

        // 4. The owner lists a product and adds a photo.
        await page.GotoAsync("/dasbor/produk/baru");
        await page.GetByLabel("Nama produk").FillAsync(product);
        await page.GetByLabel("Kategori", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Anyaman" });
        await page.GetByLabel("Deskripsi", new() { Exact = true }).FillAsync("Tas anyaman **pandan** untuk belanja harian.");
        await page.GetByLabel("Harga", new() { Exact = true }).FillAsync("85000");
        await page.GetByLabel("Satuan", new() { Exact = true }).FillAsync("buah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan produk" }).ClickAsync();
        await page.WaitForURLAsync("**/dasbor/produk");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Ubah {product}" }).ClickAsync();
        await page.WaitForURLAsync("**/dasbor/produk/*/ubah");
        await page.GetByRole(AriaRole.Link, new() { Name = "Foto produk: unggah atau hapus" }).ClickAsync();
        await page.WaitForURLAsync("**/dasbor/produk/*/foto");
        await page.GetByLabel("Foto", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "tas-pandan.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.Jpeg(1200, 900),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await page.WaitForURLAsync("**/foto?hasil=ditambah");
        await Expect(page.Locator("main img[src^='/media/']")).ToHaveCountAsync(1);

        // 5. A shopper finds it and sees the photo.
        await using var shopper = await site.NewPhoneAsync();
        var browse = await shopper.NewPageAsync();
        await browse.GotoAsync($"/produk?q={Uri.EscapeDataString(product)}");
        await browse.Locator(".results .product-card h3 a", new() { HasText = product }).ClickAsync();
        await browse.WaitForURLAsync("**/produk/*");
        await Expect(browse.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(product);
        await Expect(browse.Locator(".maker-card")).ToContainTextAsync(business);
        var photo = browse.Locator(".product-media img").First;
        await Expect(photo).ToHaveAttributeAsync("src", new Regex("^/media/"));
        await Expect(photo).ToHaveAttributeAsync("srcset", new Regex("w"));
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The photo loads.");
    }

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/akun/masuk");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk?", StringComparison.Ordinal) && new Uri(url).AbsolutePath != "/akun/masuk");
    }

    [GeneratedRegex(@"https?://\S+/akun/konfirmasi\?\S+")]
    private static partial Regex ConfirmationLink();
}
