using LocalProducts.Web.Domain.Search;
using LocalProducts.Web.Pages.Products.Search;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace LocalProducts.IntegrationTests.Pages.Products.SearchQuality;

/// One test per seeded synonym pair (seeds/reference/search/synonyms.tsv): a search for the first
/// phrase also searches the second, and the other way round for a pair kept both ways.
public sealed class SynonymPairTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static TheoryData<string, string, bool> SeededPairs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "seeds", "reference", "search", "synonyms.tsv")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split('\t');
            data.Add(fields[0], fields[1], fields[3] == "<>");
        }
        return data;
    }

    [Fact]
    public void AtLeast150PairsAreSeeded() => Assert.True(SeededPairs().Count >= 150);

    [Theory]
    [MemberData(nameof(SeededPairs))]
    public async Task ASearchForOneWord_AlsoSearchesItsPair(string word, string sameAs, bool bothWays)
    {
        Assert.Contains(SearchSynonym.Normalize(sameAs), await AlsoSearchedAsync(word));
        if (bothWays)
        {
            Assert.Contains(SearchSynonym.Normalize(word), await AlsoSearchedAsync(sameAs));
        }
        else
        {
            Assert.DoesNotContain(SearchSynonym.Normalize(word), await AlsoSearchedAsync(sameAs));
        }
    }

    private async Task<IReadOnlyList<string>> AlsoSearchedAsync(string q)
    {
        using var scope = site.Factory.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<ProductSearch>();
        var input = ProductSearchInput.Parse(new QueryCollection(new Dictionary<string, StringValues> { ["q"] = q }));
        return (await search.RunAsync(input, english: false, CancellationToken.None)).AlsoSearched;
    }
}
