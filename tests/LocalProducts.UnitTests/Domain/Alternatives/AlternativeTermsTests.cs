using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.UnitTests.Domain.Alternatives;

public sealed class AlternativeTermsTests
{
    private static readonly AlternativeTerms _terms = new(
    [
        new AlternativeTerm(1, ["starbucks", "sbux"]),
        new AlternativeTerm(2, ["nike"]),
        new AlternativeTerm(3, ["serum korea", "korean serum"]),
        new AlternativeTerm(4, ["serum"]),
        new AlternativeTerm(5, ["h&m", "h & m"]),
        new AlternativeTerm(6, ["nike"]),
    ]);

    [Theory]
    [InlineData("Starbucks", 1, "starbucks")]
    [InlineData("kopi SBUX", 1, "sbux")]
    [InlineData("sepatu nike murah", 2, "nike")]
    [InlineData("Sepatu Nike!", 2, "nike")]
    [InlineData("serum korea", 3, "serum korea")]
    [InlineData("serum korea asli", 3, "serum korea")]
    [InlineData("korean serum", 3, "korean serum")]
    [InlineData("serum wajah", 4, "serum")]
    [InlineData("kaos H&M", 5, "h&m")]
    [InlineData("kaos h & m", 5, "h & m")]
    public void Find_NamesTheMapping_WholeWords_LongestPhraseFirst(string query, int id, string phrase) =>
        Assert.Equal(new AlternativeTermMatch(id, phrase), _terms.Find(query));

    [Theory]
    [InlineData("nikel")]
    [InlineData("starbucksku")]
    [InlineData("korea")]
    [InlineData("kopi arabika")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_NoWholeWordMatch_IsNull(string? query) =>
        Assert.Null(_terms.Find(query));

    [Fact]
    public void Find_ASpellingTwoMappingsShare_GoesToTheFirst() =>
        Assert.Equal(2, _terms.Find("nike")!.Id);

    [Fact]
    public void Find_InAnEmptyTable_IsNull() =>
        Assert.Null(AlternativeTerms.Empty.Find("starbucks"));
}
