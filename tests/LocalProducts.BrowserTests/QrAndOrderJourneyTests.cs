using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.QrCodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

/// Issue 17's shopper journey on a 390-px phone: save two products, compare them, order one by
/// WhatsApp (through /keluar/…/whatsapp to wa.me, which the test answers itself: no internet), and
/// follow a printed QR code's address to the product. axe-core on every page of the site visited.
[Collection(BrowserTestGroup.Name)]
public sealed class QrAndOrderJourneyTests(BrowserFixture site)
{
    private static readonly PageWaitForURLOptions _domReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };
    private static readonly PageGotoOptions _gotoDomReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task Shopper_OnAPhone_SavesAndComparesTwo_OrdersByWhatsApp_AndFollowsAQrCode()
    {
        var (products, code) = await ProductsWithWhatsAppAndACodeAsync();
        await using var phone = await site.NewPhoneAsync();
        var waRequests = new List<string>();
        await phone.RouteAsync("https://wa.me/**", async route =>
        {
            waRequests.Add(route.Request.Url);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>wa.me</title>" });
        });
        var siteRequests = new List<string>();
        phone.Request += (_, request) => siteRequests.Add(request.Url);
        var page = await phone.NewPageAsync();

        foreach (var (slug, name) in products)
        {
            await page.GotoAsync($"/produk/{slug}", _gotoDomReady);
            var info = page.Locator(".product-info");
            await info.GetByRole(AriaRole.Button, new() { Name = $"Simpan {name}", Exact = true }).ClickAsync();
            await Expect(info.GetByRole(AriaRole.Button, new() { Name = $"Tersimpan {name}", Exact = true })).ToBeVisibleAsync();
        }
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        await page.GotoAsync("/simpanan");
        var list = string.Join(',', products.Select(p => p.Slug));
        await page.WaitForURLAsync($"**/simpanan?p={list}", _domReady);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Bandingkan", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/bandingkan?p={list}", _domReady);
        var table = page.GetByRole(AriaRole.Region, new() { Name = "Perbandingan 2 produk" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync([.. products.Select(p => p.Name)]);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        // Ordering by WhatsApp: counted at /keluar/…/whatsapp, then on to wa.me. The form opens a
        // new tab; the test follows it in this one.
        var (firstSlug, firstName) = products[0];
        await page.GotoAsync($"/produk/{firstSlug}", _gotoDomReady);
        await page.Locator("#wa-jumlah").FillAsync("3");
        await page.Locator("form.wa-order").EvaluateAsync("form => form.removeAttribute('target')");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pesan lewat WhatsApp" }).ClickAsync();
        await page.WaitForURLAsync("https://wa.me/**", _domReady);
        var wa = Assert.Single(waRequests);
        Assert.StartsWith("https://wa.me/62", wa, StringComparison.Ordinal);
        var message = Uri.UnescapeDataString(new Uri(wa).Query);
        Assert.Contains(firstName, message, StringComparison.Ordinal);
        Assert.Contains($"/produk/{firstSlug}", message, StringComparison.Ordinal);
        Assert.Contains($"{site.BaseUrl}/keluar/{firstSlug}/whatsapp?jumlah=3", siteRequests);

        // The address printed under the QR code leads to the product.
        await page.GotoAsync($"/q/{code}", _gotoDomReady);
        await Expect(page).ToHaveURLAsync(BrowserFixture.PathIs($"/produk/{firstSlug}"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(firstName);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
        Assert.Empty(await phone.CookiesAsync());
    }

    /// Two published products whose makers take orders by WhatsApp, and a QR code for the first.
    private async Task<(List<(string Slug, string Name)> Products, string Code)> ProductsWithWhatsAppAndACodeAsync()
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var products = (await db.Products.AsNoTracking()
                .Where(p => p.State == ProductState.Published && p.Ikm!.WhatsApp != null)
                .OrderBy(p => p.Id).Take(2).Select(p => new { p.Id, p.Slug, p.Name }).ToListAsync())
            .Select(p => (p.Id, p.Slug, p.Name)).ToList();
        Assert.Equal(2, products.Count);
        var code = await db.QrCodes.Where(q => q.TargetKind == QrTargetKind.Product && q.TargetId == products[0].Id).Select(q => q.Code).FirstOrDefaultAsync();
        if (code is null)
        {
            code = QrCode.NewCode();
            db.QrCodes.Add(new QrCode { Code = code, TargetKind = QrTargetKind.Product, TargetId = products[0].Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        return ([.. products.Select(p => (p.Slug, p.Name))], code);
    }
}
