using System.Globalization;
using System.Net;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Pages.Admin.Verification;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.IntegrationTests.Pages.Admin;

/// The NIB check on the staff verification page: the link to OSS and the day staff record.
public sealed class NibCheckTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly CultureInfo _indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static DateOnly TodayWib => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<HttpClient> StaffClientAsync()
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    private async Task<int> PendingIkmAsync()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        return await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
    }

    private Task<Ikm> IkmAsync(int id) => PortalData.ReadAsync(site, db => db.Ikms.AsNoTracking().SingleAsync(i => i.Id == id));

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, AngleSharp.Html.Dom.IHtmlDocument page, string day) =>
        client.SubmitAsync(page, "form[data-action='nib-check']", new Dictionary<string, string> { ["Input.CheckedOn"] = day });

    [Fact]
    public async Task Get_VerificationDetail_LinksToOss_ShowsTheNibToCopy_AndOffersTodayWib()
    {
        var ikmId = await PendingIkmAsync();
        var ikm = await IkmAsync(ikmId);
        using var client = await StaffClientAsync();

        var page = await client.GetPageAsync($"/admin/verifikasi/{ikmId}");

        var oss = page.QuerySelector("a[data-oss]")!;
        Assert.Equal(OssNibSearch.Url, oss.GetAttribute("href"));
        Assert.StartsWith("https://oss.go.id/", oss.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("_blank", oss.GetAttribute("target"));
        Assert.Contains("noopener", oss.GetAttribute("rel"), StringComparison.Ordinal);
        Assert.Equal(ikm.Nib, page.QuerySelector("code[data-nib]")!.TextContent);
        var day = page.QuerySelector("form[data-action='nib-check'] input[name='Input.CheckedOn']")!;
        Assert.Equal(Day(TodayWib), day.GetAttribute("value"));
        Assert.Equal(Day(TodayWib), day.GetAttribute("max"));
        Assert.Contains("NIB belum diperiksa", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NibCheck_IsRecorded_Audited_AndShownOnTheDetailPageAndInTheQueue()
    {
        var ikmId = await PendingIkmAsync();
        var checkedOn = TodayWib.AddDays(-2);
        using var client = await StaffClientAsync();
        var page = await client.GetPageAsync($"/admin/verifikasi/{ikmId}");

        var response = await RecordAsync(client, page, Day(checkedOn));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/verifikasi/{ikmId}", response.Headers.Location!.OriginalString);
        var ikm = await IkmAsync(ikmId);
        Assert.Equal(checkedOn, ikm.NibCheckedOn);
        Assert.Equal(VerificationState.Pending, ikm.Verification);
        var shown = $"NIB diperiksa pada {Wib.FormatDate(checkedOn, _indonesian)}";
        Assert.Contains(shown, (await client.GetPageAsync($"/admin/verifikasi/{ikmId}")).QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(shown, (await client.GetPageAsync("/admin/verifikasi")).QuerySelector($"li[data-ikm='{ikmId}']")!.TextContent, StringComparison.Ordinal);
        var actions = await PortalData.ReadAsync(site, db => db.AuditEntries.Where(a => a.EntityType == "Ikm" && a.EntityId == ikmId.ToString(CultureInfo.InvariantCulture))
            .Select(a => a.Action).ToListAsync());
        Assert.Contains(RecordNibCheckCommand.Action, actions);
    }

    [Fact]
    public async Task Post_NibCheck_TomorrowWib_IsRefused_AndNothingIsRecorded()
    {
        var ikmId = await PendingIkmAsync();
        using var client = await StaffClientAsync();
        var page = await client.GetPageAsync($"/admin/verifikasi/{ikmId}");

        var response = await RecordAsync(client, page, Day(TodayWib.AddDays(1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tanggal pemeriksaan tidak boleh setelah hari ini", PortalData.Errors(await SiteFixture.ParseAsync(response)), StringComparison.Ordinal);
        Assert.Null((await IkmAsync(ikmId)).NibCheckedOn);
    }

    [Fact]
    public async Task Post_NibCheck_FromAStalePage_GetsAConflict_AndKeepsTheFirstDay()
    {
        var ikmId = await PendingIkmAsync();
        using var first = await StaffClientAsync();
        using var second = await StaffClientAsync();
        var firstPage = await first.GetPageAsync($"/admin/verifikasi/{ikmId}");
        var secondPage = await second.GetPageAsync($"/admin/verifikasi/{ikmId}");

        var saved = await RecordAsync(first, firstPage, Day(TodayWib));
        var stale = await RecordAsync(second, secondPage, Day(TodayWib.AddDays(-5)));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("diubah sejak halaman ini dibuka", PortalData.Errors(await SiteFixture.ParseAsync(stale)), StringComparison.Ordinal);
        Assert.Equal(TodayWib, (await IkmAsync(ikmId)).NibCheckedOn);
    }

    [Fact]
    public async Task Post_NibCheck_AsOwner_IsForbidden()
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, VerificationState.Pending);
        using var client = await PortalData.OwnerClientAsync(site, owner);
        var form = PortalData.Retarget(await client.GetPageAsync("/dasbor/usaha"), "main form", $"/admin/verifikasi/{ikmId}?handler=NibCheck");

        var response = await client.SubmitAsync(form, "main form", new Dictionary<string, string> { ["Input.CheckedOn"] = Day(TodayWib) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null((await IkmAsync(ikmId)).NibCheckedOn);
    }
}
