using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Newsroom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class NewsroomJourneyTests(BrowserFixture site)
{
    [Fact]
    public async Task Staff_WritesPreviewsAndSchedulesAPost_TheJobPublishesIt_OnBeritaAndItsCampaign()
    {
        await using var context = await site.Browser.NewContextAsync(new() { BaseURL = site.BaseUrl });
        var page = await context.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(page, Roles.Staff);
        var title = $"Kopi lokal di Pekan Melokal {Guid.NewGuid():N}"[..40];

        await page.GotoAsync("/redaksi/tulis");
        var problems = await site.SeriousAccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        await page.GetByLabel("Judul", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Teras berita (lead)").FillAsync("Para penyangrai kecil kembali berjualan.");
        await page.GetByLabel("Kampanye").SelectOptionAsync(new SelectOptionValue { Label = "#SatuDalamKopi · Satu dalam Kopi" });
        // The live preview (JavaScript) follows the typing.
        await page.GetByLabel("Isi (Markdown)").FillAsync("## Sangrai\n\nKopi **arabika** dari Kintamani.");
        await page.Locator("#pratinjau [data-preview-body] strong", new() { HasText = "arabika" }).WaitForAsync();
        Assert.Equal("Sangrai", (await page.Locator("#pratinjau [data-preview-body] h2").InnerTextAsync()).Trim());

        // The "Pratinjau" button renders the same on the server, keeping what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Pratinjau" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.Equal(title, await page.GetByLabel("Judul", new() { Exact = true }).InputValueAsync());
        Assert.Equal(title, (await page.Locator("#pratinjau .preview-title").InnerTextAsync()).Trim());

        var at = Wib.ToWib(DateTimeOffset.UtcNow.AddMinutes(30));
        await page.GetByLabel("Terbit pada (WIB)").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Jadwalkan" }).ClickAsync();
        await page.WaitForURLAsync("**/redaksi/*/ubah");
        Assert.Contains("Terjadwal", await page.Locator(".post-status").InnerTextAsync(), StringComparison.Ordinal);

        // The job's work, as it runs once its time has come.
        using (var scope = site.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<PublishDuePostsCommand>().RunAsync(at.AddMinutes(1), CancellationToken.None);
            Assert.Equal(1, published);
        }

        await page.GotoAsync("/berita");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await page.WaitForURLAsync("**/berita/*");
        Assert.Equal(title, (await page.Locator("main h1").InnerTextAsync()).Trim());
        await page.GotoAsync("/kampanye/satu-dalam-kopi");
        Assert.Equal(1, await page.Locator("#kabar-kampanye + .post-list a", new() { HasText = title }).CountAsync());
    }

    [Theory]
    [InlineData("/redaksi")]
    [InlineData("/admin/kampanye/ubah")]
    public async Task NewsroomAndCampaignPages_HaveNoSeriousAccessibilityProblems(string path)
    {
        await using var context = await site.NewPhoneAsync();
        var page = await context.NewPageAsync();
        await site.LogInWithAuthenticatorAsync(page, Roles.Staff);
        await page.GotoAsync(path);
        // The page itself, not the two-factor set-up it would send an account without it to.
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);

        var problems = await site.SeriousAccessibilityProblemsAsync(page);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
