using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.UnitTests.Pages.Products.Search;

public sealed class SynonymMapTests
{
    private static readonly SynonymMap _map = new(
    [
        new("hijab", "jilbab", BothWays: true),
        new("hijab", "kerudung", BothWays: true),
        new("hijab", "pashmina", BothWays: false),
        new("sumatera", "sumatra", BothWays: true),
        new("sumatera", "aceh", BothWays: false),
        new("sumatera", "lampung", BothWays: false),
        new("solo", "surakarta", BothWays: false),
        new("vco", "minyak kelapa murni", BothWays: true),
        new("minyak kelapa murni", "virgin coconut oil", BothWays: true),
    ]);

    [Fact]
    public void PairsKeptBothWays_JoinIntoOneSet()
    {
        // jilbab ↔ hijab ↔ kerudung: each finds the other two, and hijab's one-way pashmina.
        Assert.Equal(["hijab", "kerudung", "pashmina"], _map.AlternativesOf("jilbab"));
        Assert.Equal(["jilbab", "kerudung", "pashmina"], _map.AlternativesOf("hijab"));
        Assert.Equal(["minyak kelapa murni", "virgin coconut oil"], _map.AlternativesOf("VCO"));
    }

    [Fact]
    public void AOneWayPair_FindsOnlyForward()
    {
        Assert.Equal(["surakarta"], _map.AlternativesOf("solo"));
        Assert.Empty(_map.AlternativesOf("surakarta"));
        Assert.Empty(_map.AlternativesOf("pashmina"));
    }

    [Fact]
    public void ASpellingVariant_FindsWhatItsSetFinds()
    {
        // "sumatra" is "sumatera", so it finds the provinces "sumatera" finds.
        Assert.Equal(["aceh", "lampung", "sumatera"], _map.AlternativesOf("sumatra"));
    }

    [Fact]
    public void Find_TakesTheLongestKnownPhraseFromTheLeft()
    {
        var matches = _map.Find(["minyak", "kelapa", "murni", "asli", "solo"]);

        Assert.Collection(matches,
            m => Assert.Equal((0, 3, "minyak kelapa murni"), (m.Start, m.Length, m.Phrase)),
            m => Assert.Equal((4, 1, "solo"), (m.Start, m.Length, m.Phrase)));
    }

    [Fact]
    public void Find_WithoutKnownPhrases_FindsNothing()
    {
        Assert.Empty(_map.Find(["kopi", "gayo"]));
        Assert.Empty(SynonymMap.Empty.Find(["hijab"]));
    }
}
