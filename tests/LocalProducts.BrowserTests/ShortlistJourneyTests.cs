using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

/// Save and compare without an account, on a 390-px phone: the "Simpan" buttons keep the list on
/// the device, /simpanan opens it, "Bandingkan" shows the products side by side.
[Collection(BrowserTestGroup.Name)]
public sealed class ShortlistJourneyTests(BrowserFixture site)
{
    private static readonly PageWaitForURLOptions _domReady = new() { WaitUntil = WaitUntilState.DOMContentLoaded };

    [Fact]
    public async Task Shopper_OnAPhone_SavesTwoProducts_OpensTheList_AndComparesThem()
    {
        await using var phone = await site.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/produk?q=kopi", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var cards = page.Locator(".results .product-card");
        var names = new List<string>();
        var slugs = new List<string>();

        for (var i = 0; i < 2; i++)
        {
            var card = cards.Nth(i);
            names.Add((await card.Locator("h3 a").InnerTextAsync()).Trim());
            slugs.Add((await card.Locator("h3 a").GetAttributeAsync("href"))!["/produk/".Length..]);
            // The script turned the link into a button that keeps the product on this device.
            var save = card.GetByRole(AriaRole.Button, new() { Name = $"Simpan {names[i]}", Exact = true });
            await save.ClickAsync();
            await Expect(card.GetByRole(AriaRole.Button, new() { Name = $"Tersimpan {names[i]}", Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status).Last).ToHaveTextAsync($"{names[i]} disimpan di perangkat ini");
        }
        Assert.Empty(await phone.CookiesAsync());
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        await page.GotoAsync("/simpanan");

        // Without a list in the address, the page opens the device's list.
        await page.WaitForURLAsync($"**/simpanan?p={string.Join(',', slugs)}", _domReady);
        await Expect(page.Locator(".saved-list .product-card h3 a")).ToHaveTextAsync([.. names]);
        await Expect(page.Locator("#tautan-simpanan")).ToHaveValueAsync($"{site.BaseUrl}/simpanan?p={string.Join(',', slugs)}");
        await AssertFitsAsync(page);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Bandingkan", Exact = true }).ClickAsync();

        await page.WaitForURLAsync($"**/bandingkan?p={string.Join(',', slugs)}", _domReady);
        var table = page.GetByRole(AriaRole.Region, new() { Name = "Perbandingan 2 produk" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync([.. names]);
        await Expect(table.GetByRole(AriaRole.Rowheader, new() { Name = "Harga" })).ToBeVisibleAsync();
        // Side by side: the second product's column starts right of the first's.
        var first = await table.GetByRole(AriaRole.Columnheader).Nth(0).BoundingBoxAsync();
        var second = await table.GetByRole(AriaRole.Columnheader).Nth(1).BoundingBoxAsync();
        Assert.True(first is not null && second is not null && second.X >= first.X + first.Width - 1 && Math.Abs(second.Y - first.Y) < 1,
            $"the columns are at {first?.X},{first?.Y} and {second?.X},{second?.Y}");
        await AssertFitsAsync(page);
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));

        // Taking one back off the list: the button says so, and the device's list has one product.
        await page.GotoAsync($"/produk/{slugs[0]}", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator(".product-info").GetByRole(AriaRole.Button, new() { Name = $"Tersimpan {names[0]}", Exact = true }).ClickAsync();
        await Expect(page.Locator(".product-info").GetByRole(AriaRole.Button, new() { Name = $"Simpan {names[0]}", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("/simpanan");
        await page.WaitForURLAsync($"**/simpanan?p={slugs[1]}", _domReady);
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"{page.Url} is {scrollWidth} px wide on a 390-px phone");
    }
}
