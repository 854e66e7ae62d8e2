using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Admin;

/// Staff set up a campaign's impact plan at /admin/kampanye/{id}/dampak.
public sealed class ImpactPlanEditTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Remove = "(none)";

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<T> QueryAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private Task<int> CategoryAsync(string slug) => QueryAsync(db => db.Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    /// A campaign of March 2030, made straight in the database.
    private Task<(int Id, string Slug)> CampaignAsync() => QueryAsync(async db =>
    {
        var slug = $"dampak-{Guid.NewGuid():N}"[..20];
        var campaign = new Campaign
        {
            Slug = slug,
            Name = "Kampanye dampak uji",
            Hashtag = "#DampakUji",
            StartsOn = new DateOnly(2030, 3, 1),
            EndsOn = new DateOnly(2030, 3, 31),
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (campaign.Id, slug);
    });

    private async Task<HttpClient> StaffAsync(string email = PortalData.StaffEmail, string password = PortalData.StaffPassword)
    {
        var client = site.CreateClient();
        await client.LogInAsync(email, password);
        return client;
    }

    private async Task<Dictionary<string, string>> ValidAsync() => new()
    {
        ["Input.CoveredCategoryIds"] = Key(await CategoryAsync("kopi")),
        ["Input.ControlCategoryIds"] = Key(await CategoryAsync("teh-minuman")),
        ["Input.PeriodStart"] = "01/03/2030",
        ["Input.PeriodEnd"] = "2030-03-31",
        ["Input.BaselineStart"] = "2030-01-29",
        ["Input.BaselineEnd"] = "28/02/2030",
        ["Input.PreCampaignMonths"] = "6",
        ["Input.Note"] = "Catatan uji",
        ["Input.Publish"] = "true",
    };

    private static string Value(IHtmlDocument page, string id) => page.QuerySelector<IHtmlInputElement>($"#{id}")!.Value;

    [Fact]
    public async Task Get_NewPlan_StartsFromTheCampaignDates_AndLinksBack()
    {
        var (id, _) = await CampaignAsync();
        using var client = await StaffAsync();

        var page = await client.GetPageAsync($"/admin/kampanye/{id}/dampak");

        Assert.Equal("2030-03-01", Value(page, "Input_PeriodStart"));
        Assert.Equal("2030-03-31", Value(page, "Input_PeriodEnd"));
        // A baseline as long as the campaign (31 days), just before it.
        Assert.Equal("2030-01-29", Value(page, "Input_BaselineStart"));
        Assert.Equal("2030-02-28", Value(page, "Input_BaselineEnd"));
        Assert.Equal("6", Value(page, "Input_PreCampaignMonths"));
        Assert.Contains("semua kategori lain", page.QuerySelector("#control-hint")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#dicakup-{await CategoryAsync("kopi")}"));
        // Only leaves: a parent with children is not a choice.
        Assert.Null(page.QuerySelector($"#dicakup-{await CategoryAsync("makanan-minuman")}"));
        var edit = await client.GetPageAsync($"/admin/kampanye/ubah/{id}");
        Assert.Contains(edit.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/admin/kampanye/{id}/dampak");
    }

    [Fact]
    public async Task Post_Plan_Saves_BothDateStyles_Audited_AndLinksToThePublicPage()
    {
        var (id, slug) = await CampaignAsync();
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"/admin/kampanye/{id}/dampak");

        var response = await client.SubmitAsync(page, "main form", await ValidAsync());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await QueryAsync(db => db.CampaignImpactPlans.AsNoTracking().SingleAsync(p => p.CampaignId == id));
        Assert.Equal((new DateOnly(2030, 3, 1), new DateOnly(2030, 3, 31)), (plan.PeriodStart, plan.PeriodEnd));
        Assert.Equal((new DateOnly(2030, 1, 29), new DateOnly(2030, 2, 28)), (plan.BaselineStart, plan.BaselineEnd));
        Assert.Equal([await CategoryAsync("kopi")], plan.CoveredCategoryIds);
        Assert.Equal([await CategoryAsync("teh-minuman")], plan.ControlCategoryIds);
        Assert.Equal("Catatan uji", plan.Note);
        Assert.True(plan.IsPublished);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(CampaignImpactPlan) && a.EntityId == Key(id) && a.Action == "impact-plan-created")));
        var saved = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Rencana dampak disimpan.", saved.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(saved.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/kampanye/{slug}/dampak");
        Assert.True(saved.QuerySelector<IHtmlInputElement>($"#dicakup-{await CategoryAsync("kopi")}")!.IsChecked);
        Assert.Equal("2030-03-01", Value(saved, "Input_PeriodStart"));
    }

    [Theory]
    [InlineData("Input.CoveredCategoryIds", Remove, "covered-error", "Pilih paling sedikit satu kategori")]
    [InlineData("Input.PeriodEnd", "2030-02-01", "period-end-error", "Akhir kampanye tidak boleh sebelum awalnya.")]
    [InlineData("Input.BaselineStart", "2030-03-10", "baseline-end-error", "Akhir periode pembanding tidak boleh sebelum awalnya.")]
    [InlineData("Input.BaselineEnd", "2030-03-05", "baseline-end-error", "harus berakhir sebelum kampanye dimulai")]
    [InlineData("Input.PeriodEnd", "2031-03-05", "period-end-error", "paling lama 366 hari")]
    [InlineData("Input.BaselineStart", "2028-01-01", "baseline-end-error", "paling lama 366 hari")]
    [InlineData("Input.ControlCategoryIds", "kopi", "control-error", "Kopi: dipilih sebagai kategori kampanye sekaligus pembanding")]
    [InlineData("Input.PreCampaignMonths", "30", "months-error", "antara 2 dan 24")]
    [InlineData("Input.PeriodStart", "31-02-2030", "period-start-error", "tulis tanggal sebagai tttt-bb-hh atau hh/bb/tttt")]
    [InlineData("Input.PeriodStart", "30/02/2030", "period-start-error", "tulis tanggal sebagai")]
    [InlineData("Input.BaselineStart", "", "baseline-start-error", "Isi Awal periode pembanding.")]
    public async Task Post_Plan_Problem_ShowsItsMessage_KeepsInput_SavesNothing(string field, string value, string errorId, string message)
    {
        var (id, _) = await CampaignAsync();
        using var client = await StaffAsync();
        var page = await client.GetPageAsync($"/admin/kampanye/{id}/dampak");
        var values = await ValidAsync();
        values["Input.Note"] = "Catatan yang tidak hilang";
        if (value == Remove)
        {
            values.Remove(field);
        }
        else
        {
            values[field] = value == "kopi" ? Key(await CategoryAsync("kopi")) : value;
        }

        var response = await client.SubmitAsync(page, "main form", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = await SiteFixture.ParseAsync(response);
        Assert.Contains(message, form.QuerySelector($"#{errorId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Catatan yang tidak hilang", form.QuerySelector<IHtmlTextAreaElement>("#Input_Note")!.Value);
        Assert.False(await QueryAsync(db => db.CampaignImpactPlans.AnyAsync(p => p.CampaignId == id)));
    }

    [Fact]
    public async Task Post_Plan_SecondEditor_GetsAConflict_WithTheSavedValues_AndTheirInputKept()
    {
        var (id, _) = await CampaignAsync();
        using var first = await StaffAsync();
        using var second = await StaffAsync("admin@melokal.test", "Admin-Melokal-2026");
        await first.SubmitAsync(await first.GetPageAsync($"/admin/kampanye/{id}/dampak"), "main form", await ValidAsync());
        var firstForm = await first.GetPageAsync($"/admin/kampanye/{id}/dampak");
        var secondForm = await second.GetPageAsync($"/admin/kampanye/{id}/dampak");

        var saved = await first.SubmitAsync(firstForm, "main form", new Dictionary<string, string> { ["Input.Note"] = "Catatan pertama" });
        var conflict = await second.SubmitAsync(secondForm, "main form", new Dictionary<string, string> { ["Input.Note"] = "Catatan kedua", ["Input.PreCampaignMonths"] = "12" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await SiteFixture.ParseAsync(conflict);
        Assert.Contains("baru saja disimpan orang lain", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Catatan pertama", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Kopi", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Catatan kedua", page.QuerySelector<IHtmlTextAreaElement>("#Input_Note")!.Value);
        Assert.Equal("12", Value(page, "Input_PreCampaignMonths"));
        Assert.Equal("Catatan pertama", await QueryAsync(db => db.CampaignImpactPlans.Where(p => p.CampaignId == id).Select(p => p.Note).SingleAsync()));

        // Having seen both, the second editor saves on purpose.
        var overwrite = await second.SubmitAsync(page, "main form");
        Assert.Equal(HttpStatusCode.Redirect, overwrite.StatusCode);
        var plan = await QueryAsync(db => db.CampaignImpactPlans.AsNoTracking().SingleAsync(p => p.CampaignId == id));
        Assert.Equal(("Catatan kedua", 12), (plan.Note, plan.PreCampaignMonths));
    }

    [Fact]
    public async Task Post_Plan_AsOwner_IsForbidden_Anonymous_IsSentToLogIn_NothingSaved()
    {
        var (id, _) = await CampaignAsync();
        using var staff = await StaffAsync();
        var page = await staff.GetPageAsync($"/admin/kampanye/{id}/dampak");
        var owner = await PortalData.CreateOwnerAsync(site);
        using var ownerClient = await PortalData.OwnerClientAsync(site, owner);
        using var anonymous = site.CreateClient();

        var asOwner = await ownerClient.SubmitAsync(page, "main form", await ValidAsync());
        var asNobody = await anonymous.SubmitAsync(page, "main form", await ValidAsync());

        Assert.Equal(HttpStatusCode.Forbidden, asOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asNobody.StatusCode);
        Assert.Contains("/akun/masuk", asNobody.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ownerClient.GetAsync($"/admin/kampanye/{id}/dampak")).StatusCode);
        Assert.False(await QueryAsync(db => db.CampaignImpactPlans.AnyAsync(p => p.CampaignId == id)));
    }

    [Fact]
    public async Task Get_Plan_UnknownCampaign_IsNotFound()
    {
        using var client = await StaffAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/kampanye/987654/dampak")).StatusCode);
    }
}
