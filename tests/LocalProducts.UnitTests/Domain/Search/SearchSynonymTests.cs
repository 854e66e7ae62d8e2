using LocalProducts.Web.Domain.Search;

namespace LocalProducts.UnitTests.Domain.Search;

public sealed class SearchSynonymTests
{
    [Theory]
    [InlineData("hijab", "hijab")]
    [InlineData("  Virgin-Coconut  Oil ", "virgin coconut oil")]
    [InlineData("KRIPIK!", "kripik")]
    [InlineData("ｖｃｏ", "vco")]
    [InlineData("kopi   bali\tkintamani", "kopi bali kintamani")]
    [InlineData("", "")]
    [InlineData("  - ", "")]
    [InlineData(null, "")]
    public void Normalize_LowerCaseWordsSeparatedByOneSpace(string? text, string expected) =>
        Assert.Equal(expected, SearchSynonym.Normalize(text));

    [Fact]
    public void Problem_AGoodPair_IsNone() =>
        Assert.Null(SearchSynonym.Problem("vco", "virgin coconut oil"));

    [Theory]
    [InlineData("", "jilbab", "Isi kedua kata.")]
    [InlineData("hijab", "", "Isi kedua kata.")]
    [InlineData("hijab", "hijab", "Kedua kata sama.")]
    [InlineData("kopi", "kopi arabika gayo sangrai bubuk", "Setiap sisi paling banyak 4 kata dan 80 huruf.")]
    public void Problem_NamesWhatIsWrong(string word, string sameAs, string expected) =>
        Assert.Equal(expected, SearchSynonym.Problem(word, sameAs));

    [Fact]
    public void Problem_ASideLongerThan80Characters_IsRefused() =>
        Assert.NotNull(SearchSynonym.Problem(new string('a', SearchSynonym.MaxLength + 1), "b"));

    [Fact]
    public void Problem_FourWordsOf80Characters_AreAllowed() =>
        Assert.Null(SearchSynonym.Problem("kopi arabika gayo sangrai", "kopi"));

    [Theory]
    [InlineData("hijab", "jilbab", true, "hijab", "jilbab", false, true)]
    [InlineData("hijab", "jilbab", false, "jilbab", "hijab", true, true)]
    [InlineData("hijab", "jilbab", true, "jilbab", "hijab", false, true)]
    [InlineData("solo", "surakarta", false, "surakarta", "solo", false, false)]
    [InlineData("hijab", "jilbab", true, "hijab", "kerudung", true, false)]
    public void Repeats_TheSameWords_OrTheReverseOfABothWaysPair(
        string word, string sameAs, bool bothWays, string otherWord, string otherSameAs, bool otherBothWays, bool expected) =>
        Assert.Equal(expected, SearchSynonym.Repeats(word, sameAs, bothWays, otherWord, otherSameAs, otherBothWays));
}
