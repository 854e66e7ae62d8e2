using LocalProducts.Web.Data;
using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Data;

/// seeds/reference/search/synonyms.tsv is loaded only into an empty table: staff's edits and
/// deletions stay.
public sealed class SynonymSeedingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static async Task<List<(string Word, string SameAs, SynonymKind Kind, bool BothWays)>> PairsAsync(AppDbContext db) =>
        [.. (await db.SearchSynonyms.AsNoTracking().OrderBy(s => s.Word).ToListAsync()).Select(s => (s.Word, s.SameAs, s.Kind, s.BothWays))];

    [Fact]
    public async Task Start_LoadsTheSeedFile()
    {
        using var _ = site.CreateDbContext(out var scope);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var file = SynonymSeedFile.Read(Path.Combine(AppContext.BaseDirectory, "seeds", "reference", "search", "synonyms.tsv"));

        var pairs = await PairsAsync(db);

        Assert.Equal(
            file.Select(p => (p.Word, p.SameAs, p.Kind, p.BothWays)).Order(),
            pairs.Order());
    }

    [Fact]
    public async Task SeedSynonyms_FillsAnEmptyTable_AndNeverBringsBackADeletedOrChangedPair()
    {
        var file = Path.Combine(Path.GetTempPath(), $"synonyms-{Guid.NewGuid():N}.tsv");
        await File.WriteAllLinesAsync(file,
        [
            "# test pairs",
            "Hijab\tjilbab\tsama-arti\t<>",
            "VCO\tVirgin Coconut Oil\tsingkatan\t<>",
            "solo\tsurakarta\ttempat\t>",
        ]);
        try
        {
            using var _ = site.CreateDbContext(out var scope);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Rolled back at the end: the other test reads the pairs loaded at start.
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SearchSynonyms.ExecuteDeleteAsync();

            await new ReferenceDataSeeder(db).SeedSynonymsAsync(file, CancellationToken.None);

            Assert.Equal(
                [
                    ("hijab", "jilbab", SynonymKind.SameMeaning, true),
                    ("solo", "surakarta", SynonymKind.Place, false),
                    ("vco", "virgin coconut oil", SynonymKind.Abbreviation, true),
                ],
                await PairsAsync(db));

            // Staff delete one pair and make another work both ways; the site starts again.
            await db.SearchSynonyms.Where(s => s.Word == "hijab").ExecuteDeleteAsync();
            await db.SearchSynonyms.Where(s => s.Word == "solo").ExecuteUpdateAsync(u => u.SetProperty(s => s.BothWays, true));
            await new ReferenceDataSeeder(db).SeedSynonymsAsync(file, CancellationToken.None);

            Assert.Equal(
                [
                    ("solo", "surakarta", SynonymKind.Place, true),
                    ("vco", "virgin coconut oil", SynonymKind.Abbreviation, true),
                ],
                await PairsAsync(db));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
