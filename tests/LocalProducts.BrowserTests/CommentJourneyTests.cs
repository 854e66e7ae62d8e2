using LocalProducts.Web.Domain;
using Microsoft.Playwright;

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
        await page.Locator("#Input_Name").FillAsync("Pembaca Uji");
        await page.Locator("#Input_Email").FillAsync($"pembaca.{Guid.NewGuid():N}@contoh.test");
        await page.Locator("#Input_Text").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim komentar" }).ClickAsync();
        await page.Locator("main [role=status]").WaitForAsync();
        Assert.Contains("setelah diperiksa staf", await page.Locator("main [role=status]").InnerTextAsync(), StringComparison.Ordinal);
        await page.GotoAsync(postPath);
        Assert.Equal(0, await page.Locator("#komentar", new() { HasText = text }).CountAsync());

        await using var staff = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var desk = await staff.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(desk, Roles.Staff);
        await desk.GotoAsync("/admin/komentar");
        Assert.Empty(await site.SeriousAccessibilityProblemsAsync(desk));
        var waiting = desk.Locator("article.comment", new() { HasText = text });
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Setujui" }).ClickAsync();
        await desk.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await desk.Locator("article.comment", new() { HasText = text }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

        await page.ReloadAsync();
        Assert.Equal(1, await page.Locator("#komentar li", new() { HasText = text }).CountAsync());
    }
}
