using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class AccountJourneyTests(BrowserFixture site)
{
    [Fact]
    public async Task IkmOwner_OnAPhone_Registers_ConfirmsFromTheEmail_AndLogsIn()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                policyViolations.Add(message.Text);
            }
        };
        var email = $"peramban.{Guid.NewGuid():N}@contoh.test";

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Akun", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/akun/masuk?kembali=*");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Daftar sebagai pemilik IKM" }).ClickAsync();
        await page.WaitForURLAsync("**/akun/daftar");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        await page.GetByLabel("Nama tampilan").FillAsync("Tenun Uji Peramban");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync("benang merah dari sumba timur");
        await page.GetByLabel("Ulangi kata sandi").FillAsync("benang merah dari sumba timur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/akun/periksa-email*");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        var link = Link().Match(site.MailTo(email).Single()).Value;
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("sudah dikonfirmasi");
        await page.GetByRole(AriaRole.Link, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/akun/masuk");

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync("benang merah dari sumba timur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/dasbor");

        await page.GotoAsync("/akun");
        // A <dd> in the account's facts: no role or label names it, so its id does.
        await Expect(page.Locator("#display-name")).ToHaveTextAsync("Tenun Uji Peramban");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
        Assert.Empty(policyViolations);
    }

    [Fact]
    public async Task PublicPages_UnderTheContentSecurityPolicy_BreakNothing()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        var policyViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                policyViolations.Add(message.Text);
            }
        };

        foreach (var path in new[] { "/", "/produk", "/ikm", "/kampanye", "/berita", "/akun/masuk", "/akun/lupa-sandi" })
        {
            await page.GotoAsync(path);
        }
        await page.GotoAsync("/produk");
        await page.Locator(".product-card h3 a").First.ClickAsync();
        await page.WaitForURLAsync("**/produk/*");

        Assert.Empty(policyViolations);
        Assert.Equal("Product", await page.EvaluateAsync<string>("() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']"));
    }

    [GeneratedRegex(@"https?://\S+/akun/konfirmasi\?\S+")]
    private static partial Regex Link();
}
