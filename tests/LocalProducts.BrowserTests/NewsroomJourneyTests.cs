using System.Globalization;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Newsroom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

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
        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Pratinjau", Exact = true });
        await Expect(preview.Locator("[data-preview-body] strong", new() { HasText = "arabika" })).ToBeVisibleAsync();
        await Expect(preview.Locator("[data-preview-body]").GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync("Sangrai");

        // The "Pratinjau" button renders the same on the server, keeping what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Pratinjau" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await Expect(page.GetByLabel("Judul", new() { Exact = true })).ToHaveValueAsync(title);
        await Expect(preview.Locator(".preview-title")).ToHaveTextAsync(title);

        var at = Wib.ToWib(DateTimeOffset.UtcNow.AddMinutes(30));
        await page.GetByLabel("Terbit pada (WIB)").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Jadwalkan" }).ClickAsync();
        await page.WaitForURLAsync("**/redaksi/*/ubah");
        await Expect(page.Locator(".post-status")).ToContainTextAsync("Terjadwal");

        // The job's work, as it runs once its time has come.
        using (var scope = site.Services.CreateScope())
        {
            var published = await scope.ServiceProvider.GetRequiredService<PublishDuePostsCommand>().RunAsync(at.AddMinutes(1), CancellationToken.None);
            Assert.Equal(1, published);
        }

        await page.GotoAsync("/berita");
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await page.WaitForURLAsync("**/berita/*");
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await page.GotoAsync("/kampanye/satu-dalam-kopi");
        var campaignNews = page.GetByRole(AriaRole.Region, new() { Name = "Kabar kampanye" });
        await Expect(campaignNews.GetByRole(AriaRole.Listitem).GetByRole(AriaRole.Link, new() { Name = title })).ToHaveCountAsync(1);
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
        await Expect(page).ToHaveURLAsync(BrowserFixture.PathIs(path));

        var problems = await site.SeriousAccessibilityProblemsAsync(page);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
