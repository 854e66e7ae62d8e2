using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Campaigns;

/// Staff create and edit campaigns (/admin/kampanye); readers see them on /kampanye. Creates
/// campaigns of its own, in the newsroom's database.
public sealed class CampaignAdminTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Post_Campaign_BadHashtag_EndBeforeStart_ShowMessages_SaveNothing()
    {
        using var client = await LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var slug = NewSlug();

        var response = await SaveAsync(client, "/admin/kampanye/ubah", new()
        {
            ["Input.Name"] = "Kampanye salah",
            ["Input.Hashtag"] = "Kopi Lokal",
            ["Input.Slug"] = slug,
            ["Input.StartsOn"] = "2030-05-10",
            ["Input.EndsOn"] = "2030-05-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Tagar diawali #", page.QuerySelector("#hashtag-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tidak boleh sebelum", page.QuerySelector("#ends-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Kampanye salah", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.False(await QueryAsync(db => db.Campaigns.AnyAsync(c => c.Slug == slug)));
    }

    [Fact]
    public async Task Post_Campaign_WithFeaturedProductAndIkm_FoundBySearch_ShowsOnItsPublicPage()
    {
        using var client = await LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var slug = NewSlug();
        var product = await QueryAsync(db => db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Slug, p.Name, IkmId = p.IkmId, IkmSlug = p.Ikm!.Slug, IkmName = p.Ikm.Name }).FirstAsync());
        var form = await client.GetPageAsync("/admin/kampanye/ubah");
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Pekan <b>Kopi</b> Lokal",
            ["Input.Hashtag"] = "#PekanKopiLokal",
            ["Input.Slug"] = slug,
            ["Input.Tagline"] = "Slogan <script>alert(1)</script>",
            ["Input.Description"] = "Cerita **kampanye**.",
            ["Input.StartsOn"] = Wib.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.ProductSearch"] = product.Slug,
        };

        // Search, tick, search the maker, tick, save: every step keeps what was typed.
        var found = await SiteFixture.ParseAsync(await client.SubmitAsync(form, "main form", new Dictionary<string, string>(values) { ["aksi"] = "cari-produk" }));
        Assert.NotNull(found.QuerySelector($"#produk-{product.Id}"));
        Assert.Equal("#PekanKopiLokal", found.QuerySelector<IHtmlInputElement>("#Input_Hashtag")!.Value);
        Assert.False(await QueryAsync(db => db.Campaigns.AnyAsync(c => c.Slug == slug)));
        var foundIkm = await SiteFixture.ParseAsync(await client.SubmitAsync(found, "main form", new Dictionary<string, string>
        {
            ["aksi"] = "cari-ikm",
            ["Input.ProductIds"] = product.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IkmSearch"] = product.IkmName,
        }));
        Assert.True(foundIkm.QuerySelector<IHtmlInputElement>($"#produk-{product.Id}")!.IsChecked);
        var saved = await client.SubmitAsync(foundIkm, "main form", new Dictionary<string, string>
        {
            ["aksi"] = "simpan",
            ["Input.IkmIds"] = product.IkmId.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var campaign = await QueryAsync(db => db.Campaigns.Include(c => c.FeaturedProducts).Include(c => c.FeaturedIkms).SingleAsync(c => c.Slug == slug));
        Assert.Equal([product.Id], campaign.FeaturedProducts.Select(p => p.Id));
        Assert.Equal([product.IkmId], campaign.FeaturedIkms.Select(i => i.Id));
        using var reader = site.CreateClient();
        var publicPage = await reader.GetPageAsync($"/kampanye/{slug}");
        Assert.Equal(product.Slug, publicPage.QuerySelector("#produk-kampanye ~ .grid .product-card h3 a")!.GetAttribute("href")!.Split('/')[^1]);
        Assert.Contains(publicPage.QuerySelectorAll("#ikm-kampanye + .maker-list a"), a => a.GetAttribute("href") == $"/ikm/{product.IkmSlug}");
        var html = await reader.GetStringAsync($"/kampanye/{slug}");
        Assert.Contains("Slogan &lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        var list = await reader.GetPageAsync("/kampanye");
        Assert.Contains(list.QuerySelectorAll("#kampanye-berjalan ~ ul a"), a => a.GetAttribute("href") == $"/kampanye/{slug}");
    }

    [Fact]
    public async Task Post_Campaign_Banner_IsCheckedByContent_ThenShownOnItsPage()
    {
        using var client = await LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var slug = NewSlug();
        var values = Valid(slug);
        values["aksi"] = "simpan";
        values["Input.BannerCredit"] = "Foto: Tim Melokal";

        var refused = await client.SubmitAsync(await client.GetPageAsync("/admin/kampanye/ubah"), "main form", values,
            [new FormFile("Input.Banner", "spanduk.jpg", TestImages.ShellScript(), "image/jpeg")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await SiteFixture.ParseAsync(refused);
        Assert.Contains("bukan foto JPEG, PNG atau WebP", form.QuerySelector("#Input_Banner-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#KampanyeUji", form.QuerySelector<IHtmlInputElement>("#Input_Hashtag")!.Value);
        Assert.False(await QueryAsync(db => db.Campaigns.AnyAsync(c => c.Slug == slug)));

        var saved = await client.SubmitAsync(await client.GetPageAsync("/admin/kampanye/ubah"), "main form", values,
            [new FormFile("Input.Banner", "spanduk.jpg", TestImages.Jpeg(1500, 500), "image/jpeg")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var banner = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.BannerPath).SingleAsync());
        Assert.StartsWith("/media/", banner, StringComparison.Ordinal);
        using var reader = site.CreateClient();
        var page = await reader.GetPageAsync($"/kampanye/{slug}");
        Assert.Equal(banner, page.QuerySelector("img.campaign-banner")!.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(banner)).StatusCode);
    }

    [Fact]
    public async Task Post_Campaign_SlugChange_OldAddressRedirects_TakenSlugIsRefused()
    {
        using var client = await LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var slug = NewSlug();
        await SaveAsync(client, "/admin/kampanye/ubah", Valid(slug));
        var id = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

        var renamed = await SaveAsync(client, $"/admin/kampanye/ubah/{id}", new() { ["Input.Slug"] = slug + "-baru" });
        var taken = await SaveAsync(client, $"/admin/kampanye/ubah/{id}", new() { ["Input.Slug"] = "satu-dalam-kopi", ["Input.Name"] = "Nama yang tidak hilang" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using var reader = site.CreateClient();
        var old = await reader.GetAsync($"/kampanye/{slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/kampanye/{slug}-baru", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var page = await SiteFixture.ParseAsync(taken);
        Assert.Contains("sudah dipakai", page.QuerySelector("#slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Nama yang tidak hilang", page.QuerySelector<IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(slug + "-baru", await QueryAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Slug).SingleAsync()));
    }

    [Fact]
    public async Task Post_Campaign_SecondEditor_GetsAConflict_AndTheirInputKept()
    {
        using var first = await LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        using var second = await LogInAsync("admin@melokal.test", "Admin-Melokal-2026");
        var slug = NewSlug();
        await SaveAsync(first, "/admin/kampanye/ubah", Valid(slug));
        var id = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var firstForm = await first.GetPageAsync($"/admin/kampanye/ubah/{id}");
        var secondForm = await second.GetPageAsync($"/admin/kampanye/ubah/{id}");

        await first.SubmitAsync(firstForm, "main form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.Tagline"] = "Slogan pertama" });
        var conflict = await second.SubmitAsync(secondForm, "main form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.Tagline"] = "Slogan kedua" });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await SiteFixture.ParseAsync(conflict);
        Assert.Contains("baru saja disimpan orang lain", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Slogan pertama", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Slogan kedua", page.QuerySelector<IHtmlInputElement>("#Input_Tagline")!.Value);
        Assert.Equal("Slogan pertama", await QueryAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.Tagline).SingleAsync()));
    }

    [Fact]
    public async Task Get_CampaignPage_ShowsItsUpcomingPublishedEvents_Only()
    {
        using var client = await LogInAsync("staf@melokal.test", "Staf-Melokal-2026");
        var slug = NewSlug();
        await SaveAsync(client, "/admin/kampanye/ubah", Valid(slug));
        await QueryAsync(async db =>
        {
            var campaignId = await db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            foreach (var (title, state, days) in new[] { ("Acara mendatang", EventState.Published, 10), ("Acara draf", EventState.Draft, 10), ("Acara lalu", EventState.Published, -10) })
            {
                db.Events.Add(new CampaignEvent
                {
                    Slug = $"{slug}-{Slug.From(title)}",
                    Title = title,
                    CampaignId = campaignId,
                    StartsAt = DateTimeOffset.UtcNow.AddDays(days),
                    Place = "Jakarta",
                    Capacity = 10,
                    State = state,
                    CreatedAt = DateTimeOffset.UtcNow,
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }
            return await db.SaveChangesAsync();
        });
        await site.Factory.Services.GetRequiredService<LocalProducts.Web.Infrastructure.OutputCacheEviction>()
            .EvictAsync(LocalProducts.Web.Infrastructure.OutputCacheEviction.CatalogueTag, CancellationToken.None);
        using var reader = site.CreateClient();

        var page = await reader.GetPageAsync($"/kampanye/{slug}");

        Assert.Equal(["Acara mendatang"], page.QuerySelectorAll("#acara-kampanye + .event-list h3").Select(h => h.TextContent.Trim()));
    }

    private static Dictionary<string, string> Valid(string slug) => new()
    {
        ["Input.Name"] = "Kampanye uji " + slug,
        ["Input.Hashtag"] = "#KampanyeUji",
        ["Input.Slug"] = slug,
        ["Input.StartsOn"] = "2030-01-01",
        ["Input.EndsOn"] = "2030-01-31",
    };

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(url);
        values["aksi"] = "simpan";
        return await client.SubmitAsync(page, "main form", values);
    }

    private async Task<HttpClient> LogInAsync(string email, string password)
    {
        var client = site.CreateClient();
        await client.LogInAsync(email, password);
        return client;
    }

    private static string NewSlug() => $"kampanye-{Guid.NewGuid():N}"[..24];

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
