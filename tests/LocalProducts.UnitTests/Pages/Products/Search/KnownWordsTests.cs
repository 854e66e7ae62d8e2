using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.UnitTests.Pages.Products.Search;

public sealed class KnownWordsTests
{
    private static readonly Lazy<KnownWords> _seeded = new(() => KnownWords.Load(SearchSeeds()));

    [Theory]
    [InlineData("sepatu")]
    [InlineData("keripik")]
    [InlineData("lampit")]
    [InlineData("madura")]
    [InlineData("solo")]
    [InlineData("jogja")]
    [InlineData("bantul")]
    [InlineData("surakarta")]
    public void TheSeededLists_KnowWordsAndPlaces(string word) => Assert.True(_seeded.Value.Contains(word));

    [Theory]
    [InlineData("kopii")]
    [InlineData("batk")]
    [InlineData("kripik")]
    public void Typos_AreNotKnown(string word) => Assert.False(_seeded.Value.Contains(word));

    [Fact]
    public void AnyForm_MayBeKnown_CaseIgnored()
    {
        var words = new KnownWords(["# comment", "Kopi", " batik "]);

        Assert.Equal(2, words.Count);
        Assert.True(words.Contains("kopinya", "kopi"));
        Assert.True(words.Contains("BATIK"));
        Assert.False(words.Contains("comment"));
    }

    private static string SearchSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds", "reference", "search");
            if (File.Exists(Path.Combine(candidate, "id-words.txt.gz")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("seeds/reference/search");
    }
}
