using LocalProducts.Web.Pages.Products.Search;

namespace LocalProducts.UnitTests.Pages.Products.Search;

public sealed class CorrectionRuleTests
{
    private static CorrectionRule.Candidate C(string word, int products) => new(word, products);

    [Fact]
    public void AKnownWord_IsNeverCorrected_EvenToACloseCommonWord()
    {
        // "sepatu" is Indonesian: no product has it, but "satu" is not what the shopper meant.
        Assert.Null(CorrectionRule.Choose("sepatu", typedIsKnown: true, [C("satu", 40), C("sepat", 5)]));
        // "madura" is a place: honey ("madu") is not an answer.
        Assert.Null(CorrectionRule.Choose("madura", typedIsKnown: true, [C("madu", 30)]));
    }

    [Fact]
    public void ATypo_IsCorrected_ToTheNearestCommonWord()
    {
        Assert.Equal("kopi", CorrectionRule.Choose("kopii", typedIsKnown: false, [C("kopi", 60), C("kopiah", 3)]));
        Assert.Equal("batik", CorrectionRule.Choose("batk", typedIsKnown: false, [C("bata", 2), C("batik", 25)]));
        // A swap of two letters is one edit.
        Assert.Equal("tenun", CorrectionRule.Choose("tneun", typedIsKnown: false, [C("tenun", 12)]));
    }

    [Fact]
    public void ARegionalSpelling_GoesToTheWordOneLetterAway_NotToAnUnrelatedOne()
    {
        // "kripik" is not in the dictionary: "keripik" is one letter away, "kriya" three.
        Assert.Equal("keripik", CorrectionRule.Choose("kripik", typedIsKnown: false, [C("kriya", 20), C("keripik", 4)]));
        Assert.Null(CorrectionRule.Choose("kripik", typedIsKnown: false, [C("kriya", 20)]));
    }

    [Fact]
    public void ARareCandidate_IsNotUsed()
    {
        Assert.Null(CorrectionRule.Choose("kopii", typedIsKnown: false, [C("kopi", CorrectionRule.MinProducts - 1)]));
    }

    [Fact]
    public void AmongEquallyCloseCandidates_TheMoreCommonWins()
    {
        Assert.Equal("kopi", CorrectionRule.Choose("kopu", typedIsKnown: false, [C("kapu", 3), C("kopi", 50)]));
    }

    [Theory]
    [InlineData("sepatunya", "sepatu", true)]
    [InlineData("penjualan", "jual", true)]
    [InlineData("kopii", "kop", false)]
    [InlineData("madura", "madura", true)]
    [InlineData("batk", "batk", false)]
    public void IsKnown_AcceptsAffixedFormsButNotADoubledLetter(string raw, string stem, bool known) =>
        Assert.Equal(known, CorrectionRule.IsKnown(raw, stem, w => w is "sepatu" or "jual" or "kop" or "madura"));

    [Fact]
    public void Suggestions_AreOnlyCloseWords()
    {
        Assert.True(CorrectionRule.IsClose("kopii", "kopi"));
        Assert.False(CorrectionRule.IsClose("kripik", "kriya"));
    }

    [Theory]
    [InlineData("tenunn", 1)]
    [InlineData("ecoprintt", 2)]
    public void LongerWords_MayHoldMoreEdits(string typed, int edits) => Assert.Equal(edits, CorrectionRule.MaxEdits(typed));

    [Theory]
    [InlineData("kopii", "kopi", 1)]
    [InlineData("kripik", "kriya", 3)]
    [InlineData("madura", "madu", 2)]
    [InlineData("ab", "ba", 1)]
    [InlineData("", "abc", 3)]
    public void EditDistance_CountsInsertionsDeletionsSubstitutionsAndSwaps(string a, string b, int distance) =>
        Assert.Equal(distance, CorrectionRule.EditDistance(a, b));
}
