using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Data;

/// The demo e-Smart IKM data of seeds/demo/esmart.json: the invented records and the three cohorts.
public sealed class DemoESmartSeedsTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Records_StartNearTheReportedTrainedCount_SpreadOverProvincesYearsAndCategories()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Wib.Today(TimeProvider.System);
        var participants = db.ESmartParticipants.AsNoTracking();

        Assert.InRange(await participants.CountAsync(p => p.TrainedOn != null && p.TrainedOn <= today), 11_000, 11_167);
        Assert.InRange(await participants.CountAsync(), 13_500, 14_500);
        Assert.InRange(await participants.CountAsync(p => p.CuratedOn != null), 2_500, 3_500);
        Assert.Equal(await db.Provinces.CountAsync(), await participants.Select(p => p.ProvinceCode).Distinct().CountAsync());
        var java = await participants.CountAsync(p => new[] { "31", "32", "33", "34", "35", "36" }.Contains(p.ProvinceCode));
        Assert.True(java > await participants.CountAsync() * 0.4, $"Java has {java} participants only.");
        Assert.Equal(2017, await participants.MinAsync(p => p.RegisteredOn.Year));
        Assert.True(await participants.Select(p => p.RegisteredOn.Year).Distinct().CountAsync() >= 8);
        Assert.True(await participants.AnyAsync(p => p.CategoryId == null));
        var parents = await db.Categories.Where(c => c.ParentId != null).Select(c => c.ParentId!.Value).Distinct().ToListAsync();
        Assert.False(await participants.AnyAsync(p => p.CategoryId != null && parents.Contains(p.CategoryId.Value)), "A participant has a parent category.");
        Assert.True(await participants.Where(p => p.CategoryId != null).Select(p => p.CategoryId).Distinct().CountAsync() >= 14);
    }

    [Fact]
    public async Task Cohorts_OneFinishedWithGraduates_OneRunning_OneOnlineTakingApplications()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Wib.Today(TimeProvider.System);
        var cohorts = await db.ESmartCohorts.Include(c => c.Modules).AsNoTracking().OrderBy(c => c.StartsOn).ToListAsync();

        Assert.Equal(3, cohorts.Count);
        Assert.All(cohorts, c => Assert.Equal(
            new[] { "Foto produk", "Membuka toko di lokapasar", "Pemasaran digital", "Sertifikasi halal dan TKDN" },
            c.Modules.OrderBy(m => m.SortOrder).Select(m => m.Name)));
        var (past, running, online) = (cohorts[0], cohorts[1], cohorts[2]);
        Assert.InRange(today.DayNumber - past.EndsOn.DayNumber, 50, 70);
        Assert.InRange(today, running.StartsOn, running.EndsOn);
        Assert.True(online.IsOnline);
        Assert.Equal(30, online.Capacity);
        Assert.True(online.TakesApplicationsOn(today));
        Assert.Equal(21, online.StartsOn.DayNumber - today.DayNumber);
        Assert.InRange(await db.CohortApplications.CountAsync(a => a.CohortId == online.Id && a.State == CohortApplicationState.Applied), 3, 6);

        var graduates = await db.CohortApplications.Where(a => a.CohortId == past.Id && a.CompletedAt != null).Select(a => a.Ikm!).ToListAsync();
        Assert.InRange(graduates.Count, 5, 8);
        Assert.Contains(graduates, i => i.Slug == "batur-sangrai-kintamani");
        Assert.All(graduates, i => Assert.Equal(past.EndsOn, i.ESmartAlumniSince));
        var graduateIds = graduates.Select(i => i.Id).ToList();
        Assert.Equal(graduates.Count, await db.ESmartParticipants.CountAsync(p => p.IkmId != null && graduateIds.Contains(p.IkmId.Value) && p.TrainedOn == past.EndsOn));
        Assert.Equal(graduates.Count, await db.Ikms.CountAsync(i => i.ESmartAlumniSince != null));
        var runningModules = running.Modules.Select(m => m.Id).ToList();
        Assert.True(await db.ModuleCompletions.AnyAsync(c => runningModules.Contains(c.ModuleId)));
        Assert.False(await db.CohortApplications.AnyAsync(a => a.CohortId == running.Id && a.CompletedAt != null));
    }
}
