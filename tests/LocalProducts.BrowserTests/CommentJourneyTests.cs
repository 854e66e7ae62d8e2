using System.Text.RegularExpressions;
using LocalProducts.Web.Domain;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace LocalProducts.BrowserTests;

/// A reader's first comment waits for staff, then shows under the post once approved.
[Collection(BrowserTestGroup.Name)]
public sealed class CommentJourneyTests(BrowserFixture site)
{
    [Fact]
    public async Task ReadersFirstComment_WaitsForModeration_ThenShowsOnThePost()
    {
        var text = $"Kopinya enak, pengirimannya cepat. Uji {Guid.NewGuid():N}";
        await using var reader = await site.NewPhoneAsync();
        var page = await reader.NewPageAsync();
        await page.GotoAsync("/berita");
        await page.Locator("main .post-list a").First.ClickAsync();
        await page.WaitForURLAsync("**/berita/*");
        var postPath = new Uri(page.Url).AbsolutePath;

        await page.Locator($"a[href='{postPath}/komentar']").First.ClickAsync();
        await page.WaitForURLAsync($"**{postPath}/komentar");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(page));
        await page.GetByLabel("Nama", new() { Exact = true }).FillAsync("Pembaca Uji");
        await page.GetByLabel("E-mail").FillAsync($"pembaca.{Guid.NewGuid():N}@contoh.test");
        await page.GetByLabel("Komentar", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim komentar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status)).ToContainTextAsync("setelah diperiksa staf");
        await page.GotoAsync(postPath);
        await Expect(Comments(page)).ToBeVisibleAsync();
        await Expect(Comments(page).GetByText(text)).ToHaveCountAsync(0);

        await using var staff = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var desk = await staff.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(desk, Roles.Staff);
        await desk.GotoAsync("/admin/komentar");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(desk));
        var waiting = desk.GetByRole(AriaRole.Article).Filter(new() { HasText = text });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(waiting).ToHaveCountAsync(0);

        await page.ReloadAsync();
        await Expect(Comments(page).GetByRole(AriaRole.Listitem).Filter(new() { HasText = text })).ToHaveCountAsync(1);
    }

    /// The post's comments: a section named by its heading, "Komentar (n)".
    private static ILocator Comments(IPage page) => page.GetByRole(AriaRole.Region, new() { NameRegex = new Regex(@"^Komentar \(\d+\)$") });
}
