using System.Globalization;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain.ESmart;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.ESmart;

public sealed class ESmartPublicTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static int Number(string text) => int.Parse(text.Trim().Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Get_ESmart_FiguresEqualTheRowsCounted_InTotalByYearAndByProvince()
    {
        var before = await ESmartData.ReadAsync(site, db => db.ESmartParticipants.AsNoTracking().ToListAsync());
        var kopi = await ESmartData.ReadAsync(site, db => db.Categories.Where(c => c.Slug == "kopi").Select(c => c.Id).SingleAsync());
        var rows = new[]
        {
            ESmartParticipant.FromRecord("94", kopi, new DateOnly(2019, 3, 1), null, null),
            ESmartParticipant.FromRecord("94", kopi, new DateOnly(2019, 4, 1), new DateOnly(2020, 2, 1), null),
            ESmartParticipant.FromRecord("94", null, new DateOnly(2019, 5, 1), new DateOnly(2019, 6, 1), new DateOnly(2020, 1, 5)),
            ESmartParticipant.FromRecord("11", kopi, new DateOnly(2020, 5, 1), new DateOnly(2020, 6, 1), null),
        };
        using (site.CreateDbContext(out var scope))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ESmartParticipants.AddRange(rows);
            await db.SaveChangesAsync();
        }
        var all = before.Concat(rows).ToList();
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/e-smart-ikm");

        Assert.Equal(all.Count, Number(page.QuerySelector("[data-figure=registered]")!.TextContent));
        Assert.Equal(all.Count(p => p.TrainedOn is not null), Number(page.QuerySelector("[data-figure=trained]")!.TextContent));
        Assert.Equal(all.Count(p => p.CuratedOn is not null), Number(page.QuerySelector("[data-figure=curated]")!.TextContent));
        Assert.NotNull(page.QuerySelector("[data-as-of]"));
        var y2020 = page.QuerySelectorAll("tr[data-year='2020'] td").Select(td => Number(td.TextContent)).ToList();
        Assert.Equal(
            [all.Count(p => p.RegisteredOn.Year == 2020), all.Count(p => p.TrainedOn?.Year == 2020), all.Count(p => p.CuratedOn?.Year == 2020)],
            y2020);
        var papuaTengah = page.QuerySelectorAll("#tabel-provinsi tr[data-province='94'] td").Skip(1).Select(td => Number(td.TextContent)).ToList();
        Assert.Equal(
            [all.Count(p => p.ProvinceCode == "94"), all.Count(p => p.ProvinceCode == "94" && p.TrainedOn is not null), all.Count(p => p.ProvinceCode == "94" && p.CuratedOn is not null)],
            papuaTengah);
        // The tile map: one tile per province with its title, and a text alternative.
        var map = page.QuerySelector("svg.tile-map-svg")!;
        Assert.Equal("img", map.GetAttribute("role"));
        Assert.Equal(38, map.QuerySelectorAll("g[data-province]").Length);
        Assert.Contains("Papua Tengah", map.QuerySelector("g[data-province='94'] title")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(map.QuerySelector("desc")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_ESmart_InEnglish_AfterTheLanguageSwitch()
    {
        using var client = site.CreateClient();
        var indonesian = await client.GetPageAsync("/e-smart-ikm");
        await client.GetAsync(indonesian.QuerySelector("a.lang-switch")!.GetAttribute("href")!);

        var page = await client.GetPageAsync("/e-smart-ikm");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("By year", page.QuerySelector("#per-tahun")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll(".figures dt"), dt => dt.TextContent.Trim() == "Trained IKM");
        Assert.Equal("Trained IKM by province", page.QuerySelector("svg.tile-map-svg title")!.TextContent.Trim());
    }

    [Fact]
    public async Task Get_ESmart_ListsCohortsByPhase_WithSeatsLeft()
    {
        var cohort = await ESmartData.CreateCohortAsync(site, capacity: 7, province: "94");
        var (_, ikmId, _) = await ESmartData.MakerWithProductAsync(site);
        await ESmartData.ApplyAsync(site, cohort.Id, ikmId, accept: true);
        var name = await ESmartData.ReadAsync(site, db => db.ESmartCohorts.Where(c => c.Id == cohort.Id).Select(c => c.Name).SingleAsync());
        using var client = site.CreateClient();

        var page = await client.GetPageAsync("/e-smart-ikm");

        var card = page.QuerySelectorAll("[data-phase=Upcoming] li").Single(li => li.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Contains("Papua Tengah", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("6 kursi tersisa", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Catalogue_AlumniFilter_CountsAndKeepsOnlyAlumniProducts()
    {
        using var client = site.CreateClient();
        var before = await client.GetPageAsync("/produk?esmart=alumni");
        var alumniBefore = Number(before.QuerySelector(".result-count")!.TextContent.Split(' ')[0]);
        var (_, ikmId, productId) = await ESmartData.MakerWithProductAsync(site);
        var productName = await ESmartData.ReadAsync(site, db => db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleAsync());
        using (site.CreateDbContext(out var scope))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ikm = await db.Ikms.SingleAsync(i => i.Id == ikmId);
            ikm.GraduateFromESmart(new DateOnly(2026, 11, 1));
            await db.SaveChangesAsync();
        }

        var filtered = await client.GetPageAsync("/produk?esmart=alumni");
        var unfiltered = await client.GetPageAsync("/produk");

        Assert.Equal(alumniBefore + 1, Number(filtered.QuerySelector(".result-count")!.TextContent.Split(' ')[0]));
        Assert.Contains(productName, filtered.QuerySelector(".results")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(filtered.QuerySelectorAll(".chips a"), a => a.TextContent.Contains("Alumni e-Smart IKM", StringComparison.Ordinal));
        // A filter crawlers need not index: noindex, the unfiltered catalogue as canonical.
        Assert.EndsWith("/produk", filtered.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("noindex", filtered.QuerySelector("meta[name=robots]")!.GetAttribute("content"), StringComparison.Ordinal);
        Assert.Equal("alumni", filtered.QuerySelector("form.search-refine input[name=esmart]")!.GetAttribute("value"));
        var facet = unfiltered.QuerySelectorAll(".facet a").Single(a => a.TextContent.Contains("Alumni e-Smart IKM", StringComparison.Ordinal));
        Assert.Contains((alumniBefore + 1).ToString(CultureInfo.InvariantCulture), facet.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("esmart=alumni#hasil", facet.GetAttribute("href"), StringComparison.Ordinal);
        // With other filters the count follows them: a province without alumni products counts none.
        var elsewhere = await client.GetPageAsync("/produk?esmart=alumni&provinsi=papua-pegunungan");
        Assert.Equal(0, Number(elsewhere.QuerySelector(".result-count")!.TextContent.Split(' ')[0]));
    }
}
