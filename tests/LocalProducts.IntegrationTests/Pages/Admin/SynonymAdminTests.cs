using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Search;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Admin;

/// Staff keep the search synonyms at /admin/pencarian/sinonim.
public sealed class SynonymAdminTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string List = "/admin/pencarian/sinonim";
    private const string Form = "form#pasangan";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<HttpClient> StaffAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    /// A pair made straight in the database.
    private Task<int> PairAsync(string word, string sameAs, bool bothWays = true, SynonymKind kind = SynonymKind.SameMeaning) =>
        PortalData.ReadAsync(site, async db =>
        {
            var synonym = new SearchSynonym
            {
                Word = word,
                SameAs = sameAs,
                Kind = kind,
                BothWays = bothWays,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.SearchSynonyms.Add(synonym);
            await db.SaveChangesAsync();
            return synonym.Id;
        });

    private Task<SearchSynonym?> FindAsync(int id) =>
        PortalData.ReadAsync(site, db => db.SearchSynonyms.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id));

    private Task<List<SearchSynonym>> WithWordAsync(string word) =>
        PortalData.ReadAsync(site, db => db.SearchSynonyms.AsNoTracking().Where(s => s.Word == word || s.SameAs == word).ToListAsync());

    private Task<List<string>> AuditAsync(int id) =>
        PortalData.ReadAsync(site, db => db.AuditEntries.Where(a => a.EntityType == nameof(SearchSynonym) && a.EntityId == Key(id))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    private static Dictionary<string, string> Values(string word, string sameAs, SynonymKind kind = SynonymKind.SameMeaning, bool bothWays = true) => new()
    {
        ["Input.Word"] = word,
        ["Input.SameAs"] = sameAs,
        ["Input.Kind"] = kind.ToString(),
        ["Input.BothWays"] = bothWays ? "true" : "false",
    };

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PortalData.Errors(await SiteFixture.ParseAsync(response));
    }

    [Fact]
    public async Task Get_List_ExplainsPairs_GroupsThemByKind_AndSearchesBothSides()
    {
        var word = PortalData.NewWord();
        await PairAsync(word, "kain " + word[..4], kind: SynonymKind.SameMeaning);
        await PairAsync("kota " + word, word + "raya", bothWays: false, kind: SynonymKind.Place);
        using var client = await StaffAsync();

        var all = await client.GetPageAsync(List);
        var found = await client.GetPageAsync($"{List}?q={word.ToUpperInvariant()}");
        var places = await client.GetPageAsync($"{List}?q={word}&jenis=tempat");

        Assert.Contains("Pencarian kata pertama juga menemukan produk dengan kata kedua; dua arah: sebaliknya juga.", all.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tanpa indeks ulang", all.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(all.QuerySelector($"nav.section-nav a[href='{List}'][aria-current='page']"));
        Assert.Equal(2, found.QuerySelectorAll("tr[data-synonym]").Length);
        Assert.Equal(["Arti sama (1)", "Nama tempat (1)"], found.QuerySelectorAll("section[aria-labelledby^='jenis-'] h2").Select(h => h.TextContent.Trim()));
        var place = Assert.Single(places.QuerySelectorAll("tr[data-synonym]"));
        Assert.Contains("Satu arah", place.TextContent, StringComparison.Ordinal);
        Assert.Empty((await client.GetPageAsync($"{List}?q=tidakadasamasekali{word}")).QuerySelectorAll("tr[data-synonym]"));
    }

    [Fact]
    public async Task Post_Add_SavesThePairNormalized_Audited_AndSearchSeesIt()
    {
        var word = PortalData.NewWord();
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");

        var response = await client.SubmitAsync(page, Form, Values("  " + word.ToUpperInvariant() + "!", "Virgin-Coconut  Oil", SynonymKind.Abbreviation));

        await PortalData.AssertSavedAsync(response);
        var saved = Assert.Single(await WithWordAsync(word));
        Assert.Equal(("virgin coconut oil", SynonymKind.Abbreviation, true), (saved.SameAs, saved.Kind, saved.BothWays));
        Assert.Equal([AuditActions.Created], await AuditAsync(saved.Id));
        var listed = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(word, listed.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(listed.QuerySelector($"tr[data-synonym='{saved.Id}']"));
        var table = await PortalData.ReadAsync(site, db => SynonymTable.LoadAsync(db, CancellationToken.None));
        Assert.Contains(new SynonymPair(word, "virgin coconut oil", true), table);
    }

    [Fact]
    public async Task Post_Edit_ChangesThePair_Audited()
    {
        var word = PortalData.NewWord();
        var id = await PairAsync(word, "solo");
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah/{id}");
        Assert.Equal(word, page.QuerySelector<IHtmlInputElement>("#Input_Word")!.Value);

        var response = await client.SubmitAsync(page, Form, Values(word, "surakarta", SynonymKind.Place, bothWays: false));

        await PortalData.AssertSavedAsync(response);
        var saved = await FindAsync(id);
        Assert.Equal(("surakarta", SynonymKind.Place, false), (saved!.SameAs, saved.Kind, saved.BothWays));
        Assert.Equal([AuditActions.Updated], await AuditAsync(id));
    }

    [Fact]
    public async Task Post_Edit_AfterSomeoneElseSaved_IsAConflict_ShowingTheSavedValues_ThenASecondSaveOverwrites()
    {
        var word = PortalData.NewWord();
        var id = await PairAsync(word, "kerudung");
        using var first = await StaffAsync();
        using var second = await StaffAsync();
        var firstPage = await first.GetPageAsync($"{List}/ubah/{id}");
        var secondPage = await second.GetPageAsync($"{List}/ubah/{id}");
        await PortalData.AssertSavedAsync(await first.SubmitAsync(firstPage, Form, Values(word, "pashmina")));

        var response = await second.SubmitAsync(secondPage, Form, Values(word, "jilbab"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conflict = await SiteFixture.ParseAsync(response);
        Assert.Contains("baru saja diubah orang lain", PortalData.Errors(conflict), StringComparison.Ordinal);
        Assert.Contains("pashmina", conflict.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("pashmina", (await FindAsync(id))!.SameAs);

        await PortalData.AssertSavedAsync(await second.SubmitAsync(conflict, Form));

        Assert.Equal("jilbab", (await FindAsync(id))!.SameAs);
    }

    [Theory]
    [InlineData("{0}", "{1}", true)]
    [InlineData("{1}", "{0}", false)]
    [InlineData("{1}", "{0}", true)]
    public async Task Post_Add_APairThatIsAlreadyThere_IsRefusedWithAMessage(string word, string sameAs, bool bothWays)
    {
        var first = PortalData.NewWord();
        var second = PortalData.NewWord();
        await PairAsync(first, second, bothWays: true);
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");

        var errors = await RefusedAsync(await client.SubmitAsync(page, Form,
            Values(string.Format(CultureInfo.InvariantCulture, word, first, second), string.Format(CultureInfo.InvariantCulture, sameAs, first, second), bothWays: bothWays)));

        Assert.Contains("sudah ada di daftar", errors, StringComparison.Ordinal);
        Assert.Single(await WithWordAsync(first));
    }

    [Fact]
    public async Task Post_Add_TheReverseOfAOneWayPair_OneWay_IsKept()
    {
        var word = PortalData.NewWord();
        await PairAsync(word, "surakarta", bothWays: false);
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");

        await PortalData.AssertSavedAsync(await client.SubmitAsync(page, Form, Values("surakarta", word, SynonymKind.Place, bothWays: false)));

        Assert.Equal(2, (await WithWordAsync(word)).Count);
    }

    [Theory]
    [InlineData("", "jilbab", "Isi kedua kata.")]
    [InlineData("hijab", "  HIJAB ", "Kedua kata sama.")]
    [InlineData("kopi", "kopi arabika gayo sangrai bubuk", "paling banyak 4 kata")]
    public async Task Post_Add_BadWords_AreRefusedWithAMessage(string word, string sameAs, string message)
    {
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");
        var before = await PortalData.ReadAsync(site, db => db.SearchSynonyms.CountAsync());

        var errors = await RefusedAsync(await client.SubmitAsync(page, Form, Values(word, sameAs)));

        Assert.Contains(message, errors, StringComparison.Ordinal);
        Assert.Equal(before, await PortalData.ReadAsync(site, db => db.SearchSynonyms.CountAsync()));
    }

    [Fact]
    public async Task Post_Add_AnUnknownKind_IsRefused_NotA500()
    {
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/ubah");
        var values = Values(PortalData.NewWord(), "kain");
        values["Input.Kind"] = "99";

        var errors = await RefusedAsync(await client.SubmitAsync(page, Form, values));

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task Post_Delete_AfterTheConfirmationPage_DeletesThePair_Audited()
    {
        var word = PortalData.NewWord();
        var id = await PairAsync(word, "kripik");
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/hapus/{id}");
        Assert.Contains(word, page.QuerySelector("form#hapus")!.TextContent, StringComparison.Ordinal);

        var response = await client.SubmitAsync(page, "form#hapus");

        await PortalData.AssertSavedAsync(response);
        Assert.Null(await FindAsync(id));
        Assert.Equal([AuditActions.Deleted], await AuditAsync(id));
    }

    [Fact]
    public async Task Post_Delete_AfterSomeoneChangedThePair_DeletesNothing_AndShowsTheSavedPair()
    {
        var word = PortalData.NewWord();
        var id = await PairAsync(word, "kripik");
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"{List}/hapus/{id}");
        await PortalData.ReadAsync(site, db => db.SearchSynonyms.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SameAs, "krupuk")));

        var response = await client.SubmitAsync(page, "form#hapus");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var again = await SiteFixture.ParseAsync(response);
        Assert.Contains("diubah orang lain", PortalData.Errors(again), StringComparison.Ordinal);
        Assert.Contains("krupuk", again.QuerySelector("form#hapus")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await FindAsync(id));
        await PortalData.AssertSavedAsync(await client.SubmitAsync(again, "form#hapus"));
        Assert.Null(await FindAsync(id));
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
        var id = await PairAsync(word, "jilbab");
        var owner = await PortalData.CreateOwnerAsync(site);
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        using var anonymous = site.CreateClient();
        // Real forms with real tokens, from pages each may open, aimed at the staff handlers.
        var ownerForm = PortalData.Retarget(await ownerClient.GetPageAsync("/dasbor/usaha"), "main form", $"{List}/hapus/{id}");
        var anonymousForm = PortalData.Retarget(await anonymous.GetPageAsync("/akun/masuk"), "main form", $"{List}/ubah/{id}");

        var ownerResponse = await ownerClient.SubmitAsync(ownerForm, "main form");
        var anonymousResponse = await anonymous.SubmitAsync(anonymousForm, "main form", Values(word, "kerudung"));

        Assert.Equal(HttpStatusCode.Forbidden, ownerResponse.StatusCode);
        Assert.True(anonymousResponse.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"Anonymous POST answered {(int)anonymousResponse.StatusCode}");
        Assert.False(anonymousResponse.Headers.Location?.OriginalString.StartsWith(List, StringComparison.Ordinal) ?? false);
        Assert.Equal("jilbab", (await FindAsync(id))!.SameAs);
    }
}
