using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.Tests;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalProducts.IntegrationTests.Pages.Newsroom;

/// The newsroom (/redaksi): writing, the workflow and who may move a post where, scheduling,
/// slugs, revisions and conflicts.
public sealed class NewsroomTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string WriterEmail = "penulis@melokal.test";
    private const string WriterPassword = "Penulis-Melokal-2026";
    private const string StaffEmail = "staf@melokal.test";
    private const string StaffPassword = "Staf-Melokal-2026";

    [Theory]
    [InlineData("/redaksi")]
    [InlineData("/redaksi/tulis")]
    [InlineData("/admin/kampanye")]
    [InlineData("/admin/kampanye/ubah")]
    public async Task Get_NewsroomAndCampaignAdmin_Anonymous_IsSentToLogIn(string path)
    {
        using var client = site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/masuk", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/redaksi")]
    [InlineData("/redaksi/tulis")]
    [InlineData("/admin/kampanye")]
    public async Task Get_NewsroomAndCampaignAdmin_AsIkmOwner_IsForbidden(string path)
    {
        using var client = await LogInAsync("pemilik.kopi@melokal.test", "Pemilik-Kopi-2026");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Get_CampaignAdmin_AsWriter_IsForbidden()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);

        var response = await client.GetAsync("/admin/kampanye");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_Write_AsWriter_SavesADraftOfTheirOwn_WithNormalisedTags_AndARevision()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();

        var response = await WriteAsync(client, "simpan", new()
        {
            ["Input.Title"] = "Draf penulis tentang kopi",
            ["Input.Slug"] = slug,
            ["Input.Tags"] = "Kopi, #Penjualan  Daring, kopi",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await PostAsync(slug);
        Assert.Equal(PostState.Draft, post.State);
        Assert.Equal(await UserIdAsync(WriterEmail), post.AuthorId);
        Assert.Equal("Penulis Demo (fiktif)", post.Author);
        Assert.Equal(["kopi", "penjualan daring"], post.Tags);
        Assert.Equal(1, await QueryAsync(db => db.PostRevisions.CountAsync(r => r.PostId == post.Id)));
        using var reader = site.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/berita/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Post_HeroPhoto_IsCheckedByContent_Stored_AndReplaced_KeepingWhatWasTyped()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();
        var fields = new Dictionary<string, string>
        {
            ["aksi"] = "simpan",
            ["Input.Title"] = "Foto utama pekan kopi",
            ["Input.Slug"] = slug,
            ["Input.Body"] = "Isi berita uji.",
            ["Input.HeroCaption"] = "Penyangrai di Kintamani",
            ["Input.HeroCredit"] = "Foto: Tim Melokal",
        };

        // A script named .jpg: the form comes back with the message and everything typed.
        var refused = await client.SubmitAsync(await client.GetPageAsync("/redaksi/tulis"), "#post-form", fields,
            [new FormFile("Input.HeroPhoto", "foto.jpg", TestImages.ShellScript(), "image/jpeg")]);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await SiteFixture.ParseAsync(refused);
        Assert.Contains("bukan foto JPEG, PNG atau WebP", form.QuerySelector("#Input_HeroPhoto-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Foto utama pekan kopi", form.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));

        var saved = await client.SubmitAsync(await client.GetPageAsync("/redaksi/tulis"), "#post-form", fields,
            [new FormFile("Input.HeroPhoto", "kopi.jpg", TestImages.Jpeg(1600, 900), "image/jpeg")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var first = await PostAsync(slug);
        Assert.Matches("^/media/[0-9a-f]{32}/960\\.webp$", first.HeroImagePath!);
        using var reader = site.CreateClient();
        var image = await reader.GetAsync(first.HeroImagePath);
        Assert.Equal("image/webp", image.Content.Headers.ContentType!.MediaType);

        // A new photo replaces it; the caption, credit and text stay.
        var page = await client.GetPageAsync($"/redaksi/{first.Id}/ubah");
        Assert.Equal(first.HeroImagePath, page.QuerySelector(".hero-spot img")!.GetAttribute("src"));
        var replaced = await client.SubmitAsync(page, "#post-form", new Dictionary<string, string> { ["aksi"] = "simpan" },
            [new FormFile("Input.HeroPhoto", "kopi-2.png", TestImages.Png(1200, 800), "image/png")]);
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var second = await PostAsync(first.Id);
        Assert.NotEqual(first.HeroImagePath, second.HeroImagePath);
        Assert.StartsWith("/media/", second.HeroImagePath, StringComparison.Ordinal);
        Assert.Equal(("Penyangrai di Kintamani", "Foto: Tim Melokal", "Foto utama pekan kopi"), (second.HeroCaption, second.HeroCredit, second.Title));
    }

    [Fact]
    public async Task Post_Write_AsWriter_NamingSomeoneElseAsAuthor_StillTheirs()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();

        await WriteAsync(client, "simpan", new()
        {
            ["Input.Title"] = "Draf dengan penulis palsu",
            ["Input.Slug"] = slug,
            ["Input.AuthorId"] = (await UserIdAsync(StaffEmail)).ToString(),
            ["Input.EditorId"] = (await UserIdAsync(StaffEmail)).ToString(),
        });

        var post = await PostAsync(slug);
        Assert.Equal(await UserIdAsync(WriterEmail), post.AuthorId);
        Assert.Null(post.EditorId);
    }

    [Fact]
    public async Task Post_Writer_SubmitsForReview_ThenCanNoLongerChangeIt()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();
        await WriteAsync(client, "simpan", new() { ["Input.Title"] = "Untuk ditinjau", ["Input.Slug"] = slug });
        var id = (await PostAsync(slug)).Id;

        var submitted = await SubmitEditAsync(client, id, "ajukan", new() { ["Input.Title"] = "Untuk ditinjau redaksi" });
        var changedAfter = await SubmitEditAsync(client, id, "simpan", new() { ["Input.Title"] = "Diubah diam-diam" }, expectForm: false);

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changedAfter.StatusCode);
        Assert.Contains("tidak bisa dilakukan", (await SiteFixture.ParseAsync(changedAfter)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var post = await PostAsync(slug);
        Assert.Equal(PostState.InReview, post.State);
        Assert.Equal("Untuk ditinjau redaksi", post.Title);
        var page = await client.GetPageAsync($"/redaksi/{id}/ubah");
        Assert.Empty(page.QuerySelectorAll("#post-form button[name=aksi]"));
    }

    [Theory]
    [InlineData("terbitkan")]
    [InlineData("jadwalkan")]
    [InlineData("arsipkan")]
    [InlineData("tarik")]
    [InlineData("kembalikan")]
    [InlineData("pulihkan")]
    public async Task Post_Writer_EditorsMoveOnOwnDraft_IsForbidden_AndNothingChanges(string aksi)
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();
        await WriteAsync(client, "simpan", new() { ["Input.Title"] = "Draf penulis", ["Input.Slug"] = slug });
        var id = (await PostAsync(slug)).Id;
        var page = await client.GetPageAsync($"/redaksi/{id}/ubah");

        var response = await client.SubmitAsync(page, "#post-form", new Dictionary<string, string>
        {
            ["aksi"] = aksi,
            ["Input.Title"] = "Diterbitkan penulis",
            ["Input.PublishAt"] = "2030-01-01T10:00",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var post = await PostAsync(slug);
        Assert.Equal(PostState.Draft, post.State);
        Assert.Equal("Draf penulis", post.Title);
        Assert.Equal(1, await QueryAsync(db => db.PostRevisions.CountAsync(r => r.PostId == id)));
    }

    [Fact]
    public async Task Post_Writer_PublishOnNewPost_IsForbidden_AndNothingIsSaved()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();

        var response = await WriteAsync(client, "terbitkan", new() { ["Input.Title"] = "Langsung terbit", ["Input.Slug"] = slug });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Writer_SomeoneElsesPost_CannotOpenOrSaveIt()
    {
        var id = await CreatePostAsync(PostState.Draft, authorEmail: StaffEmail);
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        using var staff = await LogInAsync(StaffEmail, StaffPassword);
        var staffPage = await staff.GetPageAsync($"/redaksi/{id}/ubah");

        var opened = await client.GetAsync($"/redaksi/{id}/ubah");
        var revisions = await client.GetAsync($"/redaksi/{id}/revisi");
        // The staff member's form, posted with the writer's cookies and a token of the writer's.
        var writerToken = (await client.GetPageAsync("/redaksi/tulis")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await client.SubmitAsync(staffPage, "#post-form", new Dictionary<string, string>
        {
            ["aksi"] = "simpan",
            ["Input.Title"] = "Diambil alih",
            ["__RequestVerificationToken"] = writerToken,
        });

        Assert.Equal(HttpStatusCode.Forbidden, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revisions.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
        Assert.NotEqual("Diambil alih", (await QueryAsync(db => db.Posts.SingleAsync(p => p.Id == id))).Title);
    }

    [Fact]
    public async Task Get_Newsroom_AsWriter_ListsOwnPostsOnly_AsStaff_All()
    {
        var staffPost = await CreatePostAsync(PostState.Draft, authorEmail: StaffEmail, title: "Tulisan staf " + NewSlug());
        var writerPost = await CreatePostAsync(PostState.Draft, authorEmail: WriterEmail, title: "Tulisan penulis " + NewSlug());
        using var writer = await LogInAsync(WriterEmail, WriterPassword);
        using var staff = await LogInAsync(StaffEmail, StaffPassword);

        var writerList = await writer.GetPageAsync("/redaksi?status=draf");
        var staffList = await staff.GetPageAsync("/redaksi?status=draf");

        var writerLinks = writerList.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        var staffLinks = staffList.QuerySelectorAll("tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/redaksi/{writerPost}/ubah", writerLinks);
        Assert.DoesNotContain($"/redaksi/{staffPost}/ubah", writerLinks);
        Assert.Contains($"/redaksi/{staffPost}/ubah", staffLinks);
        Assert.Contains($"/redaksi/{writerPost}/ubah", staffLinks);
        var published = await QueryAsync(db => db.Posts.CountAsync(p => p.State == PostState.Published));
        Assert.Contains($"({published})", staffList.QuerySelector("a[href='/redaksi?status=terbit']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Staff_PublishNow_ShowsThePostOnBeritaAndItsCampaign()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();
        var campaignId = await QueryAsync(db => db.Campaigns.Where(c => c.Slug == "satu-dalam-kopi").Select(c => c.Id).SingleAsync());
        using var reader = site.CreateClient();
        await reader.GetStringAsync("/berita");

        var response = await WriteAsync(client, "terbitkan", new()
        {
            ["Input.Title"] = "Kopi IKM terbit sekarang",
            ["Input.Slug"] = slug,
            ["Input.CampaignId"] = campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await PostAsync(slug);
        Assert.Equal(PostState.Published, post.State);
        Assert.NotNull(post.PublishedAt);
        var list = await reader.GetPageAsync("/berita");
        Assert.Contains(list.QuerySelectorAll(".post-list h2 a"), a => a.GetAttribute("href") == $"/berita/{slug}");
        var campaign = await reader.GetPageAsync("/kampanye/satu-dalam-kopi");
        Assert.Contains(campaign.QuerySelectorAll("#kabar-kampanye + .post-list a"), a => a.GetAttribute("href") == $"/berita/{slug}");
    }

    [Fact]
    public async Task Post_Staff_ScheduleInThePast_IsRefusedWithAMessage_AndInputKept()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();

        var response = await WriteAsync(client, "jadwalkan", new()
        {
            ["Input.Title"] = "Jadwal yang sudah lewat",
            ["Input.Slug"] = slug,
            ["Input.PublishAt"] = "2020-01-01T10:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("sudah lewat", page.QuerySelector("#publish-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Jadwal yang sudah lewat", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Post_Staff_Schedule_ThenTheJobPublishesItWhenItsTimeComes()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();
        var at = Wib.ToWib(DateTimeOffset.UtcNow.AddHours(3));
        using var reader = site.CreateClient();

        var response = await WriteAsync(client, "jadwalkan", new()
        {
            ["Input.Title"] = "Terbit terjadwal",
            ["Input.Slug"] = slug,
            ["Input.PublishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var scheduled = await PostAsync(slug);
        Assert.Equal(PostState.Scheduled, scheduled.State);
        Assert.Equal(at.DateTime, Wib.ToWib(scheduled.ScheduledFor!.Value).DateTime, TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/berita/{slug}")).StatusCode);

        // Not yet due at the real time: nothing happens.
        await PublishDueAsync(DateTimeOffset.UtcNow);
        Assert.Equal(PostState.Scheduled, (await PostAsync(slug)).State);

        // The job itself, on a clock four hours ahead.
        var job = new ScheduledPostPublisher(site.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            new ShiftedClock(TimeSpan.FromHours(4)), site.Factory.Services.GetRequiredService<ILogger<ScheduledPostPublisher>>());
        Assert.True(await job.RunIfDueAsync(CancellationToken.None));

        var published = await PostAsync(slug);
        Assert.Equal(PostState.Published, published.State);
        Assert.Equal(scheduled.ScheduledFor, published.PublishedAt);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/berita/{slug}")).StatusCode);
    }

    [Fact]
    public async Task Post_Staff_SlugTakenByAnotherPost_IsRefused_AndNothingLost()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);

        var response = await WriteAsync(client, "simpan", new()
        {
            ["Input.Title"] = "Judul yang tidak boleh hilang",
            ["Input.Slug"] = "menengok-lagi-satudalamkopi",
            ["Input.Body"] = "Isi panjang yang tidak boleh hilang.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("sudah dipakai", page.QuerySelector("#slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Isi panjang yang tidak boleh hilang.", page.QuerySelector<IHtmlTextAreaElement>("#Input_Body")!.Value);
        Assert.Equal(1, await QueryAsync(db => db.Posts.CountAsync(p => p.Slug == "menengok-lagi-satudalamkopi")));
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Title == "Judul yang tidak boleh hilang")));
    }

    [Fact]
    public async Task Post_Staff_TitleChange_KeepsTheSlug_SlugChange_OldAddressRedirects301()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();
        await WriteAsync(client, "terbitkan", new() { ["Input.Title"] = "Judul pertama", ["Input.Slug"] = slug });
        var id = (await PostAsync(slug)).Id;

        await SubmitEditAsync(client, id, "simpan", new() { ["Input.Title"] = "Judul kedua yang lain sama sekali" });
        Assert.Equal(slug, (await PostAsync(id)).Slug);
        var renamed = await SubmitEditAsync(client, id, "simpan", new() { ["Input.Slug"] = slug + "-baru" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using var reader = site.CreateClient();
        var old = await reader.GetAsync($"/berita/{slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/berita/{slug}-baru", old.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/berita/{slug}-baru")).StatusCode);

        // The retired address is not free for another post.
        var taken = await WriteAsync(client, "simpan", new() { ["Input.Title"] = "Merebut alamat lama", ["Input.Slug"] = slug });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("sudah dipakai", (await SiteFixture.ParseAsync(taken)).QuerySelector("#slug-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revisions_CompareTwoVersions_AndRestoreOne_AsANewRevision()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();
        await WriteAsync(client, "simpan", new() { ["Input.Title"] = "Versi satu", ["Input.Slug"] = slug, ["Input.Body"] = "Paragraf A.\n\nParagraf B." });
        var id = (await PostAsync(slug)).Id;
        await SubmitEditAsync(client, id, "simpan", new() { ["Input.Title"] = "Versi dua", ["Input.Body"] = "Paragraf A.\n\nParagraf B diubah." });

        var compare = await client.GetPageAsync($"/redaksi/{id}/revisi?dari=1&ke=2");

        var removed = compare.QuerySelectorAll(".diff-removed del").Select(e => e.TextContent).ToList();
        var added = compare.QuerySelectorAll(".diff-added ins").Select(e => e.TextContent).ToList();
        Assert.Contains("Versi satu", removed);
        Assert.Contains("Versi dua", added);
        Assert.Contains("Paragraf B.", removed);
        Assert.Contains("Paragraf B diubah.", added);
        Assert.DoesNotContain("Paragraf A.", removed);

        var restore = await client.SubmitAsync(compare, "#pulihkan-1");

        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var post = await PostAsync(id);
        Assert.Equal("Versi satu", post.Title);
        Assert.Equal("Paragraf A.\n\nParagraf B.", post.Body);
        var revisions = await QueryAsync(db => db.PostRevisions.Where(r => r.PostId == id).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([1, 2, 3], revisions.Select(r => r.Number));
        Assert.Equal(1, revisions[2].RestoredFrom);
        Assert.Equal("Versi satu", revisions[2].Title);
    }

    [Fact]
    public async Task Post_Edit_SecondEditor_GetsAConflict_WithBothVersions_AndTheirInputKept()
    {
        var id = await CreatePostAsync(PostState.Draft, authorEmail: StaffEmail, title: "Asal");
        using var first = await LogInAsync(StaffEmail, StaffPassword);
        using var second = await LogInAsync("admin@melokal.test", "Admin-Melokal-2026");
        var firstForm = await first.GetPageAsync($"/redaksi/{id}/ubah");
        var secondForm = await second.GetPageAsync($"/redaksi/{id}/ubah");

        var saved = await first.SubmitAsync(firstForm, "#post-form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.Title"] = "Judul editor pertama" });
        var conflict = await second.SubmitAsync(secondForm, "#post-form", new Dictionary<string, string> { ["aksi"] = "simpan", ["Input.Title"] = "Judul editor kedua" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await SiteFixture.ParseAsync(conflict);
        Assert.Contains("baru saja disimpan orang lain", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Judul editor pertama", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Judul editor kedua", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("Judul editor pertama", (await PostAsync(id)).Title);

        // Having seen both, saving again is deliberate and wins.
        var again = await second.SubmitAsync(page, "#post-form", new Dictionary<string, string> { ["aksi"] = "simpan" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Judul editor kedua", (await PostAsync(id)).Title);
    }

    [Fact]
    public async Task Post_Preview_WithoutJavaScript_ShowsTheSanitisedPost_KeepsInput_SavesNothing()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var slug = NewSlug();

        var response = await WriteAsync(client, "pratinjau", new()
        {
            ["Input.Title"] = "Pratinjau saja",
            ["Input.Slug"] = slug,
            ["Input.Body"] = "## Subjudul\n\n**Tebal** <script>alert(1)</script>",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        var preview = page.QuerySelector("#pratinjau")!;
        Assert.False(preview.HasAttribute("hidden"));
        Assert.Equal("Subjudul", preview.QuerySelector("h2:not(#pratinjau-judul)")!.TextContent);
        Assert.NotNull(preview.QuerySelector("strong"));
        Assert.Empty(preview.QuerySelectorAll("script"));
        Assert.Equal("Pratinjau saja", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Post_PreviewEndpoint_ReturnsSanitisedHtml_AndNeedsTheToken()
    {
        using var client = await LogInAsync(WriterEmail, WriterPassword);
        var form = await client.GetPageAsync("/redaksi/tulis");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        const string markdown = "**Tebal** [x](javascript:alert(1)) <img src=x onerror=alert(1)>";

        var withToken = await client.PostAsync("/redaksi/pratinjau", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["body"] = markdown,
            ["__RequestVerificationToken"] = token,
        }));
        var withoutToken = await client.PostAsync("/redaksi/pratinjau", new FormUrlEncodedContent(new Dictionary<string, string> { ["body"] = markdown }));

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        var html = await withToken.Content.ReadAsStringAsync();
        Assert.Contains("<strong>Tebal</strong>", html, StringComparison.Ordinal);
        var preview = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).Body!.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(preview, e => e.LocalName is "img" or "script");
        Assert.DoesNotContain(preview.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal) || a.Value.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task Post_Write_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();

        var response = await client.PostAsync("/redaksi/tulis", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["aksi"] = "terbitkan",
            ["Input.Title"] = "Tanpa token",
            ["Input.Body"] = "Isi",
            ["Input.Slug"] = slug,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Post_Write_MissingTitleAndBody_ShowsMessages_SavesNothing()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();

        var response = await WriteAsync(client, "simpan", new() { ["Input.Title"] = "", ["Input.Body"] = "", ["Input.Slug"] = slug, ["Input.Tags"] = string.Join(',', Enumerable.Range(1, 11)) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await SiteFixture.ParseAsync(response);
        Assert.Contains("Isi Judul.", page.QuerySelector("#title-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tulis isi beritanya.", page.QuerySelector("#body-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Paling banyak 10 tag.", page.QuerySelector("#tags-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Posts.AnyAsync(p => p.Slug == slug)));
    }

    [Fact]
    public async Task Post_Staff_Unpublish_Archive_Restore_MoveThePostAndItsPublicPage()
    {
        using var client = await LogInAsync(StaffEmail, StaffPassword);
        var slug = NewSlug();
        await WriteAsync(client, "terbitkan", new() { ["Input.Title"] = "Naik turun", ["Input.Slug"] = slug });
        var id = (await PostAsync(slug)).Id;
        using var reader = site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/berita/{slug}")).StatusCode);

        await SubmitEditAsync(client, id, "tarik");
        Assert.Equal(PostState.Draft, (await PostAsync(id)).State);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/berita/{slug}")).StatusCode);

        await SubmitEditAsync(client, id, "arsipkan");
        Assert.Equal(PostState.Archived, (await PostAsync(id)).State);
        var wrong = await SubmitEditAsync(client, id, "terbitkan", expectForm: false);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(PostState.Archived, (await PostAsync(id)).State);

        await SubmitEditAsync(client, id, "pulihkan");
        Assert.Equal(PostState.Draft, (await PostAsync(id)).State);
    }

    private async Task<HttpClient> LogInAsync(string email, string password)
    {
        var client = site.CreateClient();
        await client.LogInAsync(email, password);
        return client;
    }

    private static string NewSlug() => $"uji-{Guid.NewGuid():N}"[..20];

    /// Fills the new-post form; title and body get defaults when not given.
    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, string aksi, Dictionary<string, string> values)
    {
        var page = await client.GetPageAsync("/redaksi/tulis");
        values.TryAdd("Input.Body", "Isi berita uji.");
        values["aksi"] = aksi;
        return await client.SubmitAsync(page, "#post-form", values);
    }

    private static async Task<HttpResponseMessage> SubmitEditAsync(HttpClient client, int id, string aksi, Dictionary<string, string>? values = null, bool expectForm = true)
    {
        var page = await client.GetPageAsync($"/redaksi/{id}/ubah");
        values ??= [];
        values["aksi"] = aksi;
        var response = await client.SubmitAsync(page, "#post-form", values);
        if (expectForm)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return response;
    }

    private async Task PublishDueAsync(DateTimeOffset now)
    {
        using var scope = site.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<PublishDuePostsCommand>().RunAsync(now, CancellationToken.None);
    }

    private async Task<int> CreatePostAsync(PostState state, string authorEmail, string title = "Tulisan uji")
    {
        var authorId = await UserIdAsync(authorEmail);
        var slug = NewSlug();
        return await QueryAsync(async db =>
        {
            var post = new Post { Slug = slug, Title = title, Body = "Isi uji.", AuthorId = authorId, Author = authorEmail, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            if (state == PostState.Published)
            {
                post.Publish(DateTimeOffset.UtcNow);
            }
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
    }

    private Task<Guid> UserIdAsync(string email) => QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Post> PostAsync(string slug) => QueryAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Slug == slug));

    private Task<Post> PostAsync(int id) => QueryAsync(db => db.Posts.AsNoTracking().SingleAsync(p => p.Id == id));

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// The system clock moved ahead, so the job finds its interval passed and the post due.
    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
