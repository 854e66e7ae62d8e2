using System.Text.RegularExpressions;
using LocalProducts.Tests;
using LocalProducts.Web.Domain;
using Microsoft.Playwright;

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
        await page.Locator("#Input_Name").FillAsync(business);
        await page.Locator("#Input_Nib").FillAsync("91" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)[..11]);
        await page.Locator("#scale-mikro").CheckAsync();
        await page.Locator("#Input_Kbli").FillAsync("13912");
        await page.Locator("#Input_ProvinceCode").SelectOptionAsync(new SelectOptionValue { Label = "Jawa Barat" });
        await page.Locator("#Input_RegencyCode option", new() { HasText = "Kabupaten Tasikmalaya" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#Input_RegencyCode").SelectOptionAsync(new SelectOptionValue { Label = "Kabupaten Tasikmalaya" });
        await page.Locator("#Input_DistrictCode option:nth-child(2)").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#Input_DistrictCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#Input_Address").FillAsync("Jalan Pandan No. 7");
        await page.Locator("#Input_Story").FillAsync("Usaha uji: anyaman pandan buatan tangan. Data fiktif.");
        await page.Locator("#Input_WhatsApp").FillAsync("0812 3456 7890");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftarkan usaha" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dasbor");
        Assert.Contains("menunggu verifikasi", (await page.Locator("main").InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        // 3. Staff verify it (staff sign in with their authenticator).
        await using var staff = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var desk = await staff.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(desk, Roles.Staff);
        Assert.Equal("/admin", new Uri(desk.Url).AbsolutePath);
        await desk.GotoAsync("/admin/verifikasi");
        await desk.GetByRole(AriaRole.Link, new() { Name = business, Exact = true }).ClickAsync();
        await desk.WaitForURLAsync("**/admin/verifikasi/*");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(desk));
        await desk.GetByRole(AriaRole.Button, new() { Name = "Setujui: IKM terverifikasi" }).ClickAsync();
        await desk.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/admin/verifikasi");
        await page.GotoAsync("/dasbor");
        Assert.DoesNotContain("menunggu verifikasi", (await page.Locator("main").InnerTextAsync()).ToLowerInvariant(), StringComparison.Ordinal);

        // 4. The owner lists a product and adds a photo.
        await page.GotoAsync("/dasbor/produk/baru");
        await page.Locator("#Input_Name").FillAsync(product);
        await page.Locator("#Input_CategoryId").SelectOptionAsync(new SelectOptionValue { Label = "Anyaman" });
        await page.Locator("#Input_Description").FillAsync("Tas anyaman **pandan** untuk belanja harian.");
        await page.Locator("#Input_PriceMin").FillAsync("85000");
        await page.Locator("#Input_Unit").FillAsync("buah");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan produk" }).ClickAsync();
        await page.WaitForURLAsync("**/dasbor/produk");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Ubah {product}" }).ClickAsync();
        await page.WaitForURLAsync("**/dasbor/produk/*/ubah");
        await page.GetByRole(AriaRole.Link, new() { Name = "Foto produk: unggah atau hapus" }).ClickAsync();
        await page.WaitForURLAsync("**/dasbor/produk/*/foto");
        await page.Locator("#Input_Photo").SetInputFilesAsync(new FilePayload
        {
            Name = "tas-pandan.jpg",
            MimeType = "image/jpeg",
            Buffer = TestImages.Jpeg(1200, 900),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah foto" }).ClickAsync();
        await page.WaitForURLAsync("**/foto?hasil=ditambah");
        Assert.Equal(1, await page.Locator("main img[src^='/media/']").CountAsync());

        // 5. A shopper finds it and sees the photo.
        await using var shopper = await site.NewPhoneAsync();
        var browse = await shopper.NewPageAsync();
        await browse.GotoAsync($"/produk?q={Uri.EscapeDataString(product)}");
        await browse.Locator(".results .product-card h3 a", new() { HasText = product }).ClickAsync();
        await browse.WaitForURLAsync("**/produk/*");
        Assert.Equal(product, (await browse.Locator("main h1").InnerTextAsync()).Trim());
        Assert.Contains(business, await browse.Locator(".maker-card").InnerTextAsync(), StringComparison.Ordinal);
        var photo = browse.Locator(".product-media img").First;
        Assert.StartsWith("/media/", await photo.GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.Contains("w", await photo.GetAttributeAsync("srcset") ?? "", StringComparison.Ordinal);
        Assert.True(await photo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The photo loads.");
    }

    private static async Task LogInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/akun/masuk");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/akun/masuk?", StringComparison.Ordinal) && new Uri(url).AbsolutePath != "/akun/masuk");
    }

    [GeneratedRegex(@"https?://\S+/akun/konfirmasi\?\S+")]
    private static partial Regex ConfirmationLink();
}
