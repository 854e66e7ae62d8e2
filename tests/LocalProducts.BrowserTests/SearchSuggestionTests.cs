using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

/// The search box's suggestions (wwwroot/js/suggest.js) on a phone, by keyboard.
[Collection(BrowserTestGroup.Name)]
public sealed class SearchSuggestionTests(BrowserFixture site)
{
    [Fact]
    public async Task Typing_Ko_ShowsSuggestions_ArrowDownEnter_OpensTheFirst()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Cari produk lokal" });

        await box.PressSequentiallyAsync("ko", new() { Delay = 50 });

        var list = page.GetByRole(AriaRole.Listbox, new() { Name = "Saran pencarian" });
        await Expect(list).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(list.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        var problems = await site.SeriousAccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join("; ", problems));

        await box.PressAsync("ArrowDown");
        var first = list.GetByRole(AriaRole.Option).First;
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        await box.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex(@"/produk(\?|/)"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
    }

    [Fact]
    public async Task Escape_ClosesTheList_AndEnter_StillSearchesAsTyped()
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Cari produk lokal" });

        await box.PressSequentiallyAsync("kop", new() { Delay = 50 });
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await box.PressAsync("Escape");

        await Expect(box).ToHaveAttributeAsync("aria-expanded", "false");
        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/produk?q=kop", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
