using AngleSharp.Html.Dom;
using LocalProducts.IntegrationTests.Pages.Dashboard;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.ESmart;

public sealed record TestCohort(int Id, IReadOnlyList<int> ModuleIds, IReadOnlyList<string> ModuleNames);

/// Cohorts, applications and participants made straight in the database for the e-Smart tests.
internal static class ESmartData
{
    public static readonly string[] UsualModules = ["Foto produk", "Membuka toko di lokapasar", "Pemasaran digital", "Sertifikasi halal dan TKDN"];

    public static async Task<TestCohort> CreateCohortAsync(
        SiteFixture site, int capacity = 10, string? province = null, int modules = 2, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var start = startsOn ?? today.AddDays(20);
        var cohort = new ESmartCohort
        {
            Slug = "kelas-uji-" + Guid.NewGuid().ToString("N")[..10],
            Name = "Kelas Uji " + Guid.NewGuid().ToString("N")[..6],
            StartsOn = start,
            EndsOn = endsOn ?? start.AddDays(10),
            ProvinceCode = province,
            Capacity = capacity,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        cohort.SetModules(UsualModules.Take(modules).Select(m => (m, m + " (EN)")));
        db.ESmartCohorts.Add(cohort);
        await db.SaveChangesAsync();
        var ordered = cohort.Modules.OrderBy(m => m.SortOrder).ToList();
        return new TestCohort(cohort.Id, [.. ordered.Select(m => m.Id)], [.. ordered.Select(m => m.Name)]);
    }

    public static async Task<int> ApplyAsync(SiteFixture site, int cohortId, int ikmId, bool accept)
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var application = CohortApplication.Create(cohortId, ikmId, DateTimeOffset.UtcNow, null);
        if (accept)
        {
            application.Accept(0, 1, DateTimeOffset.UtcNow, Guid.NewGuid());
        }
        db.CohortApplications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// A verified IKM with one published product, owned by a new owner.
    public static async Task<(TestOwner Owner, int IkmId, int ProductId)> MakerWithProductAsync(SiteFixture site, VerificationState state = VerificationState.Verified)
    {
        var owner = await PortalData.CreateOwnerAsync(site);
        var ikmId = await PortalData.CreateIkmAsync(site, owner.Id, state);
        var productId = await PortalData.CreateProductAsync(site, ikmId, ProductState.Published);
        return (owner, ikmId, productId);
    }

    public static async Task<HttpClient> StaffClientAsync(SiteFixture site)
    {
        var client = site.CreateClient();
        await client.LogInAsync(PortalData.StaffEmail, PortalData.StaffPassword);
        return client;
    }

    public static Task<T> ReadAsync<T>(SiteFixture site, Func<AppDbContext, Task<T>> read) => PortalData.ReadAsync(site, read);

    public static Task<CohortApplication> ApplicationAsync(SiteFixture site, int applicationId) =>
        ReadAsync(site, db => db.CohortApplications.AsNoTracking().Include(a => a.Completions).SingleAsync(a => a.Id == applicationId));

    /// Posts a handler with the page's antiforgery token, as a browser whose page lost the form would.
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, IHtmlDocument page, string url, Dictionary<string, string> values)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        values["__RequestVerificationToken"] = token;
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }
}
