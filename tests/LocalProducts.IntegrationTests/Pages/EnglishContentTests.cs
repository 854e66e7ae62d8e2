using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages;

/// English pages: the note that content is in Indonesian, the English titles and leads staff write
/// for campaigns and posts, and Indonesian text marked lang="id" where there is no English one.
public sealed class EnglishContentTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Note = "Content (products, campaigns and news) is in Indonesian.";
    private const string StaffEmail = "staf@melokal.test";
    private const string StaffPassword = "Staf-Melokal-2026";
    private const string AdminEmail = "admin@melokal.test";
    private const string AdminPassword = "Admin-Melokal-2026";

    [Theory]
    [InlineData("/")]
    [InlineData("/produk?q=kopi")]
    [InlineData("/berita")]
    public async Task Get_EnglishPage_SaysOnceThatContentIsIndonesian_IndonesianPageDoesNot(string path)
    {
        using var english = await EnglishReaderAsync();
        using var indonesian = site.CreateClient();

        var englishPage = await english.GetPageAsync(path);
        var indonesianPage = await indonesian.GetPageAsync(path);

        var notes = englishPage.QuerySelectorAll("main .content-language");
        Assert.Equal(Note, Assert.Single(notes).TextContent.Trim());
        Assert.Empty(indonesianPage.QuerySelectorAll(".content-language"));
        Assert.DoesNotContain(Note, indonesianPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Products_EnglishPages_MarkProductNamesAndDescriptionsAsIndonesian()
    {
        using var english = await EnglishReaderAsync();
        using var indonesian = site.CreateClient();
        var slug = await QueryAsync(db => db.Products.Where(p => p.State == ProductState.Published).OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());

        var list = await english.GetPageAsync("/produk?q=kopi");
        var page = await english.GetPageAsync($"/produk/{slug}");
        var indonesianPage = await indonesian.GetPageAsync($"/produk/{slug}");

        Assert.All(list.QuerySelectorAll(".product-card h3 a"), a => Assert.Equal("id", a.GetAttribute("lang")));
        Assert.Equal("id", page.QuerySelector(".product h1")!.GetAttribute("lang"));
        Assert.Equal("id", page.QuerySelector(".product-description h2 + div")!.GetAttribute("lang"));
        Assert.Null(page.QuerySelector(".product-description h2")!.GetAttribute("lang"));
        Assert.Null(indonesianPage.QuerySelector(".product h1")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task Get_DemoCampaign_EnglishPage_ShowsItsEnglishNameAndTagline_IndonesianPageTheIndonesian()
    {
        using var english = await EnglishReaderAsync();
        using var indonesian = site.CreateClient();

        var englishPage = await english.GetPageAsync("/kampanye/satu-dalam-kopi");
        var indonesianPage = await indonesian.GetPageAsync("/kampanye/satu-dalam-kopi");

        Assert.Equal("One in Coffee", englishPage.QuerySelector(".campaign .eyebrow span")!.TextContent.Trim());
        Assert.Equal("A cup of local coffee to keep small roasters going.", englishPage.QuerySelector(".campaign .lead")!.TextContent.Trim());
        Assert.Null(englishPage.QuerySelector(".campaign .lead")!.GetAttribute("lang"));
        Assert.Equal("id", englishPage.QuerySelector(".campaign .lead + .muted + div")!.GetAttribute("lang"));
        Assert.Equal("Satu dalam Kopi", indonesianPage.QuerySelector(".campaign .eyebrow span")!.TextContent.Trim());
        Assert.Equal("Secangkir kopi lokal untuk menyambung napas para sangrai kecil.", indonesianPage.QuerySelector(".campaign .lead")!.TextContent.Trim());
        Assert.Empty(indonesianPage.QuerySelectorAll(".campaign [lang]"));
    }

    [Fact]
    public async Task Post_Campaign_EnglishNameAndTagline_ReplaceTheCachedEnglishPage_AndTheListAndMetaTags()
    {
        using var staff = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug("kampanye");
        await SaveCampaignAsync(staff, "/admin/kampanye/ubah", Running(slug, today: true));
        var id = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        using var english = await EnglishReaderAsync();
        using var indonesian = site.CreateClient();
        // Cached before the English name exists: without one, the Indonesian text marked as such.
        var before = await english.GetPageAsync($"/kampanye/{slug}");
        Assert.Equal("Pekan Rendang Nusantara", before.QuerySelector(".campaign .eyebrow span")!.TextContent.Trim());
        Assert.Equal("id", before.QuerySelector(".campaign .eyebrow span")!.GetAttribute("lang"));
        Assert.Equal("id", before.QuerySelector(".campaign .lead")!.GetAttribute("lang"));

        var saved = await SaveCampaignAsync(staff, $"/admin/kampanye/ubah/{id}", new()
        {
            ["Input.EnglishName"] = "  Rendang Week  ",
            ["Input.EnglishTagline"] = "Local rendang from every province.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await QueryAsync(db => db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal("Rendang Week", stored.EnglishName);
        Assert.Equal("Local rendang from every province.", stored.EnglishTagline);
        var form = await staff.GetPageAsync($"/admin/kampanye/ubah/{id}");
        Assert.Equal("Rendang Week", form.QuerySelector<IHtmlInputElement>("#Input_EnglishName")!.Value);
        var page = await english.GetPageAsync($"/kampanye/{slug}");
        Assert.Equal("Rendang Week", page.QuerySelector(".campaign .eyebrow span")!.TextContent.Trim());
        Assert.Null(page.QuerySelector(".campaign .eyebrow span")!.GetAttribute("lang"));
        Assert.Equal("Local rendang from every province.", page.QuerySelector(".campaign .lead")!.TextContent.Trim());
        Assert.Equal("Local rendang from every province.", Meta(page, "meta[name=description]"));
        Assert.Equal("Local rendang from every province.", Meta(page, "meta[property='og:description']"));
        var list = await english.GetPageAsync("/kampanye");
        var item = list.QuerySelectorAll(".campaign-list li").Single(li => li.QuerySelector($"a[href='/kampanye/{slug}']") is not null);
        Assert.Equal("Rendang Week", item.QuerySelector("strong")!.TextContent.Trim());
        Assert.Contains("Local rendang from every province.", item.TextContent, StringComparison.Ordinal);
        var home = await english.GetPageAsync("/");
        Assert.Equal("Local rendang from every province.", home.QuerySelector(".hero .lead")!.TextContent.Trim());
        // Indonesian readers see what they saw.
        var indonesianPage = await indonesian.GetPageAsync($"/kampanye/{slug}");
        Assert.Equal("Pekan Rendang Nusantara", indonesianPage.QuerySelector(".campaign .eyebrow span")!.TextContent.Trim());
        Assert.Equal("Rendang dari setiap provinsi.", Meta(indonesianPage, "meta[name=description]"));
        Assert.DoesNotContain("Rendang Week", (await indonesian.GetPageAsync("/kampanye")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Campaign_EnglishNameTooLong_ShowsAMessage_SavesNothing()
    {
        using var staff = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug("kampanye");
        await SaveCampaignAsync(staff, "/admin/kampanye/ubah", Running(slug));
        var id = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

        var response = await SaveCampaignAsync(staff, $"/admin/kampanye/ubah/{id}", new()
        {
            ["Input.EnglishName"] = new string('a', 201),
            ["Input.EnglishTagline"] = new string('b', 301),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("paling banyak 200 karakter", page.QuerySelector("#english-name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("paling banyak 300 karakter", page.QuerySelector("#english-tagline-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await QueryAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.EnglishName).SingleAsync()));
    }

    [Fact]
    public async Task Post_Campaign_EnglishName_SecondEditorWithAStaleForm_GetsAConflict()
    {
        using var first = await LogInAsync(StaffEmail, StaffPassword);
        using var second = await LogInAsync(AdminEmail, AdminPassword);
        var slug = NewSlug("kampanye");
        await SaveCampaignAsync(first, "/admin/kampanye/ubah", Running(slug));
        var id = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var firstForm = await first.GetPageAsync($"/admin/kampanye/ubah/{id}");
        var secondForm = await second.GetPageAsync($"/admin/kampanye/ubah/{id}");

        await first.SubmitAsync(firstForm, "main form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.EnglishName"] = "Rendang Week" });
        var conflict = await second.SubmitAsync(secondForm, "main form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.EnglishName"] = "Week of Rendang" });

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await SiteFixture.ParseAsync(conflict);
        Assert.Contains("baru saja disimpan orang lain", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rendang Week", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Week of Rendang", page.QuerySelector<IHtmlInputElement>("#Input_EnglishName")!.Value);
        Assert.Equal("Rendang Week", await QueryAsync(db => db.Campaigns.Where(c => c.Id == id).Select(c => c.EnglishName).SingleAsync()));
    }

    [Fact]
    public async Task Post_Newsroom_EnglishTitleAndLead_ShownOnEnglishPages_IndonesianPagesUnchanged()
    {
        using var staff = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug("uji");
        using var english = await EnglishReaderAsync();
        using var indonesian = site.CreateClient();
        // The lists are cached before the post is published.
        await english.GetStringAsync("/berita");
        await english.GetStringAsync("/");

        var response = await WritePostAsync(staff, "terbitkan", new()
        {
            ["Input.Title"] = "Rendang kemasan IKM tembus pasar ekspor",
            ["Input.Lead"] = "Tiga IKM rendang mengirim produknya ke luar negeri.",
            ["Input.EnglishTitle"] = "Small makers' packaged rendang reaches export markets",
            ["Input.EnglishLead"] = "Three rendang makers now ship abroad.",
            ["Input.Slug"] = slug,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await QueryAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Slug == slug));
        Assert.Equal("Small makers' packaged rendang reaches export markets", post.EnglishTitle);
        Assert.Equal("Three rendang makers now ship abroad.", post.EnglishLead);
        var form = await staff.GetPageAsync($"/redaksi/{post.Id}/ubah");
        Assert.Equal("Three rendang makers now ship abroad.", form.QuerySelector<IHtmlTextAreaElement>("#Input_EnglishLead")!.Value);

        var page = await english.GetPageAsync($"/berita/{slug}");
        Assert.Equal("Small makers' packaged rendang reaches export markets", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("Three rendang makers now ship abroad.", page.QuerySelector(".post .lead")!.TextContent.Trim());
        Assert.Equal("id", page.QuerySelector(".post-body")!.GetAttribute("lang"));
        Assert.Equal("Small makers' packaged rendang reaches export markets · Melokal", page.Title);
        Assert.Equal("Small makers' packaged rendang reaches export markets", Meta(page, "meta[property='og:title']"));
        Assert.Equal("Three rendang makers now ship abroad.", Meta(page, "meta[name=description]"));
        var list = await english.GetPageAsync("/berita");
        var item = list.QuerySelectorAll(".post-list li").Single(li => li.QuerySelector($"h2 a[href='/berita/{slug}']") is not null);
        Assert.Equal("Small makers' packaged rendang reaches export markets", item.QuerySelector("h2 a")!.TextContent.Trim());
        Assert.Contains("Three rendang makers now ship abroad.", item.TextContent, StringComparison.Ordinal);
        var home = await english.GetPageAsync("/");
        Assert.Contains(home.QuerySelectorAll("#berita-terbaru + .post-list a"),
            a => a.GetAttribute("href") == $"/berita/{slug}" && a.TextContent.Trim() == "Small makers' packaged rendang reaches export markets");

        var indonesianPage = await indonesian.GetPageAsync($"/berita/{slug}");
        Assert.Equal("Rendang kemasan IKM tembus pasar ekspor", indonesianPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Tiga IKM rendang mengirim produknya ke luar negeri.", Meta(indonesianPage, "meta[name=description]"));
        Assert.Null(indonesianPage.QuerySelector(".post-body")!.GetAttribute("lang"));
        Assert.DoesNotContain("export markets", (await indonesian.GetStringAsync("/berita")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_PostWithoutEnglishTitle_EnglishPage_ShowsTheIndonesianTitleMarkedLangId()
    {
        using var english = await EnglishReaderAsync();
        var slug = await QueryAsync(db => db.Posts.Where(p => p.State == PostState.Published && p.EnglishTitle == null && p.Lead != null)
            .OrderBy(p => p.Id).Select(p => p.Slug).FirstAsync());
        var post = await QueryAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Slug == slug));

        var page = await english.GetPageAsync($"/berita/{slug}");

        Assert.Equal(post.Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("id", page.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("id", page.QuerySelector(".post .lead")!.GetAttribute("lang"));
        Assert.Equal(post.Title + " · Melokal", page.Title);
        var list = await english.GetPageAsync("/berita");
        var link = list.QuerySelectorAll(".post-list h2 a").Single(a => a.GetAttribute("href") == $"/berita/{slug}");
        Assert.Equal("id", link.GetAttribute("lang"));
        // A demo post with an English title shows it, without the mark.
        var translated = list.QuerySelectorAll(".post-list h2 a").Single(a => a.GetAttribute("href") == "/berita/menengok-lagi-satudalamkopi");
        Assert.StartsWith("#SatuDalamKopi Revisited", translated.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Null(translated.GetAttribute("lang"));
    }

    [Fact]
    public async Task Post_Newsroom_EnglishTitleTooLong_ShowsAMessage_SavesNothing()
    {
        using var staff = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug("uji");

        var response = await WritePostAsync(staff, "simpan", new()
        {
            ["Input.Title"] = "Judul uji",
            ["Input.EnglishTitle"] = new string('a', Post.TitleMaxLength + 1),
            ["Input.EnglishLead"] = new string('b', Post.LeadMaxLength + 1),
            ["Input.Slug"] = slug,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains($"paling banyak {Post.TitleMaxLength} karakter", page.QuerySelector("#english-title-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"paling banyak {Post.LeadMaxLength} karakter", page.QuerySelector("#english-lead-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Judul uji", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Post_Newsroom_EnglishTitle_SecondEditorWithAStaleForm_GetsAConflict_RevisionsStillKept()
    {
        using var first = await LogInAsync(StaffEmail, StaffPassword);
        using var second = await LogInAsync(AdminEmail, AdminPassword);
        var slug = NewSlug("uji");
        await WritePostAsync(first, "simpan", new() { ["Input.Title"] = "Judul asal", ["Input.Slug"] = slug });
        var id = await QueryAsync(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var firstForm = await first.GetPageAsync($"/redaksi/{id}/ubah");
        var secondForm = await second.GetPageAsync($"/redaksi/{id}/ubah");

        var saved = await first.SubmitAsync(firstForm, "#post-form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.EnglishTitle"] = "First editor's title" });
        var conflict = await second.SubmitAsync(secondForm, "#post-form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.EnglishTitle"] = "Second editor's title" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await SiteFixture.ParseAsync(conflict);
        Assert.Contains("baru saja disimpan orang lain", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("First editor's title", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second editor's title", page.QuerySelector<IHtmlInputElement>("#Input_EnglishTitle")!.Value);
        Assert.Equal("First editor's title", await QueryAsync(db => db.Posts.Where(p => p.Id == id).Select(p => p.EnglishTitle).SingleAsync()));
        Assert.Equal(2, await QueryAsync(db => db.PostRevisions.CountAsync(r => r.PostId == id)));
    }

    private static string? Meta(IDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("content");

    /// Today's start makes it the home page's running campaign (later than every demo campaign);
    /// the other tests' campaigns start in 2030.
    private static Dictionary<string, string> Running(string slug, bool today = false) => new()
    {
        ["Input.Name"] = "Pekan Rendang Nusantara",
        ["Input.Hashtag"] = "#PekanRendang",
        ["Input.Slug"] = slug,
        ["Input.Tagline"] = "Rendang dari setiap provinsi.",
        ["Input.StartsOn"] = today ? Wib.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "2030-01-01",
    };

    private static async Task<HttpResponseMessage> SaveCampaignAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync(url);
        values["aksi"] = "simpan";
        return await client.SubmitAsync(page, "main form", values);
    }

    private static async Task<HttpResponseMessage> WritePostAsync(HttpClient client, string aksi, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync("/redaksi/tulis");
        values.TryAdd("Input.Body", "Isi berita uji.");
        values["aksi"] = aksi;
        return await client.SubmitAsync(page, "#post-form", values);
    }

    /// A reader who chose English with the language link (the culture cookie).
    private async Task<HttpClient> EnglishReaderAsync()
    {
        var client = site.CreateClient();
        using var switched = await client.GetAsync("/bahasa?ke=en&kembali=%2F");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        return client;
    }

    private async Task<HttpClient> LogInAsync(string email, string password)
    {
        var client = site.CreateClient();
        await client.LogInAsync(email, password);
        return client;
    }

    private static string NewSlug(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
