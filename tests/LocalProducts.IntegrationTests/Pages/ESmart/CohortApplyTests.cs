using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.ESmart;

public sealed class CohortApplyTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Get_ESmart_ListsOnlineAndOwnProvinceCohorts_NotOtherProvinces()
    {
        var online = await ESmartData.CreateCohortAsync(site);
        var bali = await ESmartData.CreateCohortAsync(site, province: "51");
        var aceh = await ESmartData.CreateCohortAsync(site, province: "11");
        var (owner, _, _) = await ESmartData.MakerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var page = await client.GetPageAsync("/dasbor/e-smart-ikm");

        Assert.NotNull(page.QuerySelector($"[data-open-cohort='{online.Id}'] form"));
        Assert.NotNull(page.QuerySelector($"[data-open-cohort='{bali.Id}'] form"));
        Assert.Null(page.QuerySelector($"[data-open-cohort='{aceh.Id}']"));
    }

    [Fact]
    public async Task Post_Apply_VerifiedIkm_CreatesTheApplicationAndItsParticipant()
    {
        var cohort = await ESmartData.CreateCohortAsync(site);
        var (owner, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);

        var response = await client.SubmitAsync(await client.GetPageAsync("/dasbor/e-smart-ikm"), $"[data-open-cohort='{cohort.Id}'] form");

        await PortalData.AssertSavedAsync(response);
        var application = await ESmartData.ReadAsync(site, db => db.CohortApplications.SingleAsync(a => a.CohortId == cohort.Id && a.IkmId == ikmId));
        Assert.Equal(CohortApplicationState.Applied, application.State);
        var participant = await ESmartData.ReadAsync(site, db => db.ESmartParticipants.SingleAsync(p => p.IkmId == ikmId));
        var kopi = await ESmartData.ReadAsync(site, db => db.Categories.Where(c => c.Slug == "kopi").Select(c => c.Id).SingleAsync());
        Assert.Equal(kopi, participant.CategoryId);
        Assert.Equal("51", participant.ProvinceCode);
        Assert.Null(participant.TrainedOn);
        var after = await client.GetPageAsync("/dasbor/e-smart-ikm");
        Assert.Equal(nameof(CohortApplicationState.Applied), after.QuerySelector($"[data-cohort='{cohort.Id}'] [data-state]")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Post_Apply_UnverifiedIkm_IsRefusedWithAMessage()
    {
        var cohort = await ESmartData.CreateCohortAsync(site);
        var (owner, ikmId, _) = await ESmartData.MakerWithProductAsync(site, VerificationState.Pending);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync("/dasbor/e-smart-ikm");
        Assert.NotNull(page.QuerySelector("[data-notice='unverified']"));
        Assert.Null(page.QuerySelector($"[data-open-cohort='{cohort.Id}'] form"));

        // The page offers no form: the token comes from another page the owner may open.
        var response = await ESmartData.PostWithTokenAsync(client, await client.GetPageAsync("/dasbor/usaha"), "/dasbor/e-smart-ikm?handler=apply",
            new() { ["cohortId"] = cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refused = await SiteFixture.ParseAsync(response);
        Assert.Contains("Hanya IKM terverifikasi", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await ESmartData.ReadAsync(site, db => db.CohortApplications.AnyAsync(a => a.IkmId == ikmId)));
        Assert.False(await ESmartData.ReadAsync(site, db => db.ESmartParticipants.AnyAsync(p => p.IkmId == ikmId)));
    }

    [Fact]
    public async Task Post_Apply_Twice_SaysSoAndKeepsOneApplication()
    {
        var cohort = await ESmartData.CreateCohortAsync(site);
        var (owner, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync("/dasbor/e-smart-ikm");
        await PortalData.AssertSavedAsync(await client.SubmitAsync(page, $"[data-open-cohort='{cohort.Id}'] form"));

        // The same form again (a second tab, a double click).
        var again = await client.SubmitAsync(page, $"[data-open-cohort='{cohort.Id}'] form");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("sudah mendaftar", (await SiteFixture.ParseAsync(again)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ESmartData.ReadAsync(site, db => db.CohortApplications.CountAsync(a => a.CohortId == cohort.Id && a.IkmId == ikmId)));
    }

    [Fact]
    public async Task Post_Apply_AtOnce_KeepsOneApplication_AndNoServerError()
    {
        var cohort = await ESmartData.CreateCohortAsync(site);
        var (owner, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync("/dasbor/e-smart-ikm");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.SubmitAsync(page, $"[data-open-cohort='{cohort.Id}'] form")));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.Equal(1, await ESmartData.ReadAsync(site, db => db.CohortApplications.CountAsync(a => a.CohortId == cohort.Id && a.IkmId == ikmId)));
    }

    [Fact]
    public async Task Get_ESmart_ShowsWaitingListPlaceAndModulesDone()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, capacity: 1, modules: 3);
        var (first, firstIkm, _) = await ESmartData.MakerWithProductAsync(site);
        var (second, secondIkm, _) = await ESmartData.MakerWithProductAsync(site);
        var firstApplication = await ESmartData.ApplyAsync(site, cohort.Id, firstIkm, accept: true);
        var secondApplication = await ESmartData.ApplyAsync(site, cohort.Id, secondIkm, accept: false);
        using var staff = await ESmartData.StaffClientAsync(site);
        var staffPage = await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}");
        await PortalData.AssertSavedAsync(await staff.SubmitAsync(staffPage, $"#terima-{secondApplication}"));
        var grid = await staff.GetPageAsync($"/admin/e-smart/{cohort.Id}");
        ((AngleSharp.Html.Dom.IHtmlInputElement)grid.QuerySelector($"#selesai-{firstApplication}-{cohort.ModuleIds[0]}")!).IsChecked = true;
        await PortalData.AssertSavedAsync(await staff.SubmitAsync(grid, "form#grid"));

        using var waiting = await PortalData.OwnerClientAsync(site, second);
        using var seated = await PortalData.OwnerClientAsync(site, first);
        var waitingPage = await waiting.GetPageAsync("/dasbor/e-smart-ikm");
        var seatedPage = await seated.GetPageAsync("/dasbor/e-smart-ikm");

        Assert.Equal("1", waitingPage.QuerySelector($"[data-cohort='{cohort.Id}'] [data-place]")!.GetAttribute("data-place"));
        Assert.Equal("1", seatedPage.QuerySelector($"[data-cohort='{cohort.Id}'] [data-modules]")!.GetAttribute("data-modules"));
        Assert.Contains(cohort.ModuleNames[0], seatedPage.QuerySelector($"[data-cohort='{cohort.Id}'] [data-modules]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_StaffHandlers_AsOwner_AreForbidden_AndChangeNothing()
    {
        var cohort = await ESmartData.CreateCohortAsync(site);
        var (owner, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        var applicationId = await ESmartData.ApplyAsync(site, cohort.Id, ikmId, accept: false);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var page = await client.GetPageAsync("/dasbor/e-smart-ikm");
        var id = applicationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var accept = await ESmartData.PostWithTokenAsync(client, page, $"/admin/e-smart/{cohort.Id}?handler=accept", new() { ["applicationId"] = id });
        var completions = await ESmartData.PostWithTokenAsync(client, page, $"/admin/e-smart/{cohort.Id}?handler=completions",
            new() { ["selesai"] = $"{id}-{cohort.ModuleIds[0]}" });
        var edit = await ESmartData.PostWithTokenAsync(client, page, $"/admin/e-smart/ubah/{cohort.Id}", new() { ["Input.Name"] = "Diambil alih" });

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, completions.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(CohortApplicationState.Applied, (await ESmartData.ApplicationAsync(site, applicationId)).State);
        Assert.StartsWith("Kelas Uji", await ESmartData.ReadAsync(site, db => db.ESmartCohorts.Where(c => c.Id == cohort.Id).Select(c => c.Name).SingleAsync()), StringComparison.Ordinal);
    }
}
