using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LocalProducts.BrowserTests;

/// The main pages a shopper (and a maker on their dashboard) meets, on a phone and a desktop:
/// axe-core with the WCAG 2.2 AA rules and best practices finds nothing serious or critical.
[Collection(BrowserTestGroup.Name)]
public sealed class MainPagesAccessibilityTests(BrowserFixture site)
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task MainPages_WithTheWcag22Rules_HaveNoSeriousAccessibilityProblems(int width, int height)
    {
        var paths = await MainPagesAsync(site);
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = width < 600,
            HasTouch = width < 600,
        });
        var page = await context.NewPageAsync();
        var found = new List<string>();

        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(200, response!.Status);
            found.AddRange((await site.SeriousAccessibilityProblemsAsync(page)).Select(p => $"{path}: {p}"));
        }
        await LogInAsDemoOwnerAsync(page);
        await page.GotoAsync("/dasbor");
        found.AddRange((await site.SeriousAccessibilityProblemsAsync(page)).Select(p => $"/dasbor: {p}"));

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    /// The public main pages, with one page of each kind from the demo data (the post has
    /// approved comments, the news item has no hero image).
    internal static async Task<string[]> MainPagesAsync(BrowserFixture site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var product = await db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync();
        var maker = await db.Ikms.Where(i => i.Verification == VerificationState.Verified).OrderBy(i => i.Id).Select(i => i.Slug).FirstAsync();
        var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Slug).FirstAsync();
        var post = await db.Posts.Where(p => p.State == PostState.Published).OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug }).FirstAsync();
        if (!await db.Comments.AnyAsync(c => c.PostId == post.Id && c.State == CommentState.Approved))
        {
            db.Comments.Add(new Comment
            {
                PostId = post.Id,
                AuthorName = "Pembaca Setia",
                Text = "Kopinya harum, terima kasih liputannya.",
                AddressHash = "uji",
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-1),
                State = CommentState.Approved,
            });
            await db.SaveChangesAsync();
        }
        var evt = await db.Events.OrderBy(e => e.Id).Select(e => e.Slug).FirstAsync();
        return
        [
            "/", "/produk", "/produk?q=kopi", $"/produk/{product}", "/ikm", $"/ikm/{maker}", "/kampanye", $"/kampanye/{campaign}",
            "/berita", $"/berita/{post.Slug}", $"/berita/{post.Slug}/komentar", "/acara", $"/acara/{evt}", "/tentang", "/e-smart-ikm",
        ];
    }

    /// Signs the page in as the demo coffee roaster's owner (seeded with the demo data).
    internal static async Task LogInAsDemoOwnerAsync(IPage page)
    {
        await page.GotoAsync("/akun/masuk");
        await page.GetByLabel("E-mail").FillAsync("pemilik.kopi@melokal.test");
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync("Pemilik-Kopi-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/akun/masuk");
    }
}
