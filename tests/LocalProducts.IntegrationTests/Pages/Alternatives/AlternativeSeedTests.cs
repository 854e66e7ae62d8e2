using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Pages.Alternatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalProducts.IntegrationTests.Pages.Alternatives;

/// The seed file is loaded into the empty table, with its categories, and every mapping's search
/// words find at least one demo product.
public sealed class AlternativeSeedTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly IReadOnlyList<AlternativeSeed> _file =
        AlternativeSeedFile.Read(Path.Combine(AppContext.BaseDirectory, "seeds", "reference", "search", "local-alternatives.tsv"));

    [Fact]
    public async Task TheSeededTable_HoldsEveryMappingOfTheFile_WithItsCategories()
    {
        var db = site.CreateDbContext(out var scope);
        using (scope)
        {
            var rows = await db.LocalAlternatives.AsNoTracking().Include(a => a.Categories).ToListAsync();

            Assert.Equal(_file.Count, rows.Count);
            foreach (var seed in _file)
            {
                var row = Assert.Single(rows, r => r.Term == seed.Term);
                Assert.Equal(seed.CategorySlugs.Order(StringComparer.Ordinal), row.Categories.Select(c => c.Slug).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task EveryMapping_FindsAtLeastOneDemoProductByItsSearchWords()
    {
        using var scope = site.Factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<LocalAlternativeSearch>();
        var without = new List<string>();

        foreach (var seed in _file)
        {
            var result = await search.FindAsync(seed.Term, english: false, LocalAlternativeSearch.MaxProducts, CancellationToken.None);
            Assert.NotNull(result);
            Assert.Equal(seed.Term, result.Entry.Term);
            if (!result.Products.Any(p => p.MatchedPhrases.Count > 0))
            {
                without.Add($"line {seed.Line}: {seed.Term} ({seed.SearchWords})");
            }
        }

        Assert.Empty(without);
    }
}
