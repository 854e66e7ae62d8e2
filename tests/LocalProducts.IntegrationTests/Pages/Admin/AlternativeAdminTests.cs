using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Alternatives;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Admin;

/// Staff keep the local alternatives at /admin/alternatif-lokal.
public sealed class AlternativeAdminTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string List = "/admin/alternatif-lokal";
    private const string Form = "form#alternatif";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpClient> StaffAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    /// A mapping made straight in the database, pointing to the coffee category.
    private Task<int> MappingAsync(string term, string searchWords = "kopi arabika") =>
        PortalData.ReadAsync(site, async db =>
        {
            var alternative = new LocalAlternative { Term = "", NormalizedTerm = "", SearchWords = "", Reason = "", CreatedAt = DateTimeOffset.UtcNow };
            alternative.Describe(term, AlternativeTermKind.Brand, null, searchWords, "Kopi dari kebun Indonesia", DateTimeOffset.UtcNow);
            alternative.PointTo([await db.Categories.SingleAsync(c => c.Slug == "kopi")]);
            db.LocalAlternatives.Add(alternative);
            await db.SaveChangesAsync();
            return alternative.Id;
        });

    private Task<LocalAlternative?> FindAsync(int id) =>
        PortalData.ReadAsync(site, db => db.LocalAlternatives.AsNoTracking().Include(a => a.Categories).FirstOrDefaultAsync(a => a.Id == id));

    private Task<List<string>> AuditAsync(int id) =>
        PortalData.ReadAsync(site, db => db.AuditEntries.Where(a => a.EntityType == nameof(LocalAlternative) && a.EntityId == Key(id))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    private static Dictionary<string, string> Values(string term, string category = "kopi", string searchWords = "kopi arabika", string reason = "Kopi dari kebun Indonesia", string spellings = "") => new()
    {
        ["Input.Term"] = term,
        ["Input.Kind"] = nameof(AlternativeTermKind.Brand),
        ["Input.OtherSpellings"] = spellings,
        ["Input.Categories"] = category,
        ["Input.SearchWords"] = searchWords,
        ["Input.Reason"] = reason,
    };

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalData.Errors(await SiteFixture.ParseAsync(response));
    }

    [Fact]
    public async Task Get_List_ShowsTheSeededMappings_AndFiltersByWordAndCategory()
    {
        using var client = await StaffAsync();

        var all = await client.GetPageAsync(List);
        var starbucks = await client.GetPageAsync($"{List}?q=SBUX");
        var coffee = await client.GetPageAsync($"{List}?kategori=kopi");

        Assert.NotNull(all.QuerySelector($"nav.section-nav a[href='{List}'][aria-current='page']"));
        Assert.True(all.QuerySelectorAll("tr[data-alternative]").Length >= 100);
        Assert.Contains("Starbucks", Assert.Single(starbucks.QuerySelectorAll("tr[data-alternative]")).TextContent, StringComparison.Ordinal);
        var coffeeRows = coffee.QuerySelectorAll("tr[data-alternative]");
        Assert.InRange(coffeeRows.Length, 2, all.QuerySelectorAll("tr[data-alternative]").Length - 1);
        Assert.All(coffeeRows, r => Assert.Contains("Kopi", r.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_Add_SavesItNormalized_Audited_AndThePublicPagesUseItAtOnce()
    {
        var word = PortalData.NewWord();
        using var client = await StaffAsync();
        using var shopper = site.CreateClient();
        // Cached before the mapping exists: the save must evict it.
        await shopper.GetPageAsync($"/alternatif-lokal?q={word}");
        var page = await client.GetPageAsync($"{List}/ubah");

        var response = await client.SubmitAsync(page, Form, Values("  " + word.ToUpperInvariant() + "  Coffee ", spellings: $"{word}kopi, {word}kopi"));

        await PortalData.AssertSavedAsync(response);
        var saved = await PortalData.ReadAsync(site, db => db.LocalAlternatives.AsNoTracking().Include(a => a.Categories).SingleAsync(a => a.NormalizedTerm == word + " coffee"));
        Assert.Equal((word.ToUpperInvariant() + " Coffee", $"{word}kopi", "kopi arabika"), (saved.Term, saved.OtherSpellings, saved.SearchWords));
        Assert.Equal(["kopi"], saved.Categories.Select(c => c.Slug));
        Assert.Equal([AuditActions.Created], await AuditAsync(saved.Id));
        var listed = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(word.ToUpperInvariant(), listed.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var answer = await shopper.GetPageAsync($"/alternatif-lokal?q={word}kopi");
        Assert.Equal($"Alternatif lokal untuk {word.ToUpperInvariant()} Coffee", answer.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(answer.QuerySelectorAll(".alternative-product"));
        Assert.NotNull((await shopper.GetPageAsync($"/produk?q={word}kopi")).QuerySelector("aside.alternative-box"));
    }

    [Theory]
    [InlineData("Starbucks")]
    [InlineData("sbux")]
    [InlineData("  STARBUCKS ")]
    public async Task Post_Add_ATermOrSpellingAlreadyThere_IsRefusedWithAMessage(string term)
    {
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");
        var before = await PortalData.ReadAsync(site, db => db.LocalAlternatives.CountAsync());

        var errors = await RefusedAsync(await client.SubmitAsync(page, Form, Values(term)));

        Assert.Contains("sudah ada di daftar", errors, StringComparison.Ordinal);
        Assert.Equal(before, await PortalData.ReadAsync(site, db => db.LocalAlternatives.CountAsync()));
    }

    [Theory]
    [InlineData("", "kopi", "kopi", "Isi merek atau kata produk.")]
    [InlineData("satu dua tiga empat lima", "kopi", "kopi", "paling banyak 4 kata")]
    [InlineData("Merek Baru", "tidak-ada", "kopi", "Pilih satu kategori")]
    [InlineData("Merek Baru", "kopi", " , ", "Isi kata pencarian")]
    public async Task Post_Add_BadInput_IsRefusedWithAMessage_NotA500(string term, string category, string words, string message)
    {
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");

        var errors = await RefusedAsync(await client.SubmitAsync(page, Form, Values(term, category, words)));

        Assert.Contains(message, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Add_ATooLongReason_IsRefused_NotA500()
    {
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");

        var errors = await RefusedAsync(await client.SubmitAsync(page, Form, Values(PortalData.NewWord(), reason: new string('a', 5000))));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Post_Edit_AfterSomeoneElseSaved_IsAConflict_ShowingTheSavedValues_ThenASecondSaveOverwrites()
    {
        var word = PortalData.NewWord();
        var id = await MappingAsync(word);
        using var first = await StaffAsync();
        using var second = await StaffAsync();
        var firstPage = await first.GetPageAsync($"{List}/ubah/{id}");
        var secondPage = await second.GetPageAsync($"{List}/ubah/{id}");
        Assert.Equal(word, firstPage.QuerySelector<IHtmlInputElement>("#Input_Term")!.Value);
        await PortalData.AssertSavedAsync(await first.SubmitAsync(firstPage, Form, Values(word, searchWords: "kopi bubuk")));

        var response = await second.SubmitAsync(secondPage, Form, Values(word, searchWords: "cold brew"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conflict = await SiteFixture.ParseAsync(response);
        Assert.Contains("baru saja diubah orang lain", PortalData.Errors(conflict), StringComparison.Ordinal);
        Assert.Contains("kopi bubuk", conflict.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("kopi bubuk", (await FindAsync(id))!.SearchWords);

        await PortalData.AssertSavedAsync(await second.SubmitAsync(conflict, Form));

        Assert.Equal("cold brew", (await FindAsync(id))!.SearchWords);
        Assert.Equal([AuditActions.Updated, AuditActions.Updated], await AuditAsync(id));
    }

    [Fact]
    public async Task Post_Delete_AfterTheConfirmationPage_DeletesIt_Audited_AndThePublicPageForgetsIt()
    {
        var word = PortalData.NewWord();
        var id = await MappingAsync(word);
        using var client = await StaffAsync();
        using var shopper = site.CreateClient();
        Assert.NotEmpty((await shopper.GetPageAsync($"/alternatif-lokal?q={word}")).QuerySelectorAll(".alternative-product"));
        var page = await client.GetPageAsync($"{List}/hapus/{id}");
        Assert.Contains(word, page.QuerySelector("form#hapus")!.TextContent, StringComparison.Ordinal);

        await PortalData.AssertSavedAsync(await client.SubmitAsync(page, "form#hapus"));

        Assert.Null(await FindAsync(id));
        Assert.Equal([AuditActions.Deleted], await AuditAsync(id));
        Assert.NotNull((await shopper.GetPageAsync($"/alternatif-lokal?q={word}")).QuerySelector("[data-alternative='unknown']"));
    }

    [Fact]
    public async Task Post_Delete_AfterSomeoneChangedIt_DeletesNothing()
    {
        var word = PortalData.NewWord();
        var id = await MappingAsync(word);
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/hapus/{id}");
        await PortalData.ReadAsync(site, db => db.LocalAlternatives.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Reason, "Kopi bubuk lokal")));

        var response = await client.SubmitAsync(page, "form#hapus");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await SiteFixture.ParseAsync(response);
        Assert.Contains("diubah orang lain", PortalData.Errors(again), StringComparison.Ordinal);
        Assert.Contains("Kopi bubuk lokal", again.QuerySelector("form#hapus")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync(id));
    }

    [Theory]
    [InlineData(List)]
    [InlineData(List + "/ubah")]
    public async Task Get_AsOwner_IsForbidden_AndAnonymous_GoesToLogIn(string path)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        using var anonymous = site.CreateClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await ownerClient.GetAsync(path)).StatusCode);
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/akun/masuk", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AsOwnerOrAnonymous_ChangesNothing()
    {
        var word = PortalData.NewWord();
        var id = await MappingAsync(word);
        var owner = await PortalData.CreateOwnerAsync(site);
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        using var anonymous = site.CreateClient();
        var ownerForm = PortalData.Retarget(await ownerClient.GetPageAsync("/dasbor/usaha"), "main form", $"{List}/hapus/{id}");
        var anonymousForm = PortalData.Retarget(await anonymous.GetPageAsync("/akun/masuk"), "main form", $"{List}/ubah/{id}");

        var ownerResponse = await ownerClient.SubmitAsync(ownerForm, "main form");
        var anonymousResponse = await anonymous.SubmitAsync(anonymousForm, "main form", Values(word, searchWords: "teh hitam"));

        Assert.Equal(HttpStatusCode.Forbidden, ownerResponse.StatusCode);
        Assert.True(anonymousResponse.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"Anonymous POST answered {(int)anonymousResponse.StatusCode}");
        Assert.Equal("kopi arabika", (await FindAsync(id))!.SearchWords);
    }
}
