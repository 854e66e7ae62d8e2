using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.UnitTests.Domain.Alternatives;

public sealed class LocalAlternativeTests
{
    [Theory]
    [InlineData("Starbucks", "starbucks")]
    [InlineData("  Serum   KOREA ", "serum korea")]
    [InlineData("L'Oréal", "loreal")]
    [InlineData("Levi's", "levis")]
    [InlineData("Dr. Martens", "dr martens")]
    [InlineData("H&M", "h&m")]
    [InlineData("SK-II", "sk ii")]
    [InlineData("Pull & Bear", "pull & bear")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_LowerCase_SingleSpaces_Trimmed(string? typed, string expected) =>
        Assert.Equal(expected, LocalAlternative.Normalize(typed));

    [Fact]
    public void List_SplitsOnCommas_NormalizesEach_DropsEmptyAndRepeated() =>
        Assert.Equal(["sbux", "starbuck"], LocalAlternative.List(" SBUX, , starbuck,sbux "));

    [Fact]
    public void Describe_KeepsTheTermAsTyped_TidiesTheRest_AndDropsTheTermFromItsOtherSpellings()
    {
        var now = DateTimeOffset.UnixEpoch;
        var alternative = new LocalAlternative { Term = "", NormalizedTerm = "", SearchWords = "", Reason = "" };

        alternative.Describe("  Starbucks  Reserve ", AlternativeTermKind.Brand, "starbucks reserve, Sbux ,", "kopi arabika ,  KOPI bubuk", " Kopi biji  dari kebun Indonesia ", now);

        Assert.Equal(("Starbucks Reserve", "starbucks reserve"), (alternative.Term, alternative.NormalizedTerm));
        Assert.Equal("sbux", alternative.OtherSpellings);
        Assert.Equal("kopi arabika, kopi bubuk", alternative.SearchWords);
        Assert.Equal("Kopi biji dari kebun Indonesia", alternative.Reason);
        Assert.Equal(["starbucks reserve", "sbux"], alternative.Spellings());
        Assert.Equal(["kopi arabika", "kopi bubuk"], alternative.SearchPhrases());
        Assert.Equal(now, alternative.UpdatedAt);
    }

    [Theory]
    [InlineData("Starbucks", "sbux", "kopi", "Kopi dari kebun Indonesia", null)]
    [InlineData(" ", "", "kopi", "Kopi", "Isi merek atau kata produk.")]
    [InlineData("satu dua tiga empat lima", "", "kopi", "Kopi", "Merek atau kata produk paling banyak 4 kata dan 60 karakter.")]
    [InlineData("Nike", "a b c d e", "jaket", "Jaket", "Ejaan lain: paling banyak 200 karakter, tiap ejaan paling banyak 4 kata.")]
    [InlineData("Nike", "", " , ", "Jaket", "Isi kata pencarian produk lokal.")]
    [InlineData("Nike", "", "jaket", "  ", "Isi alasan singkat.")]
    public void Problem_SaysWhatIsMissingOrTooLong(string term, string spellings, string words, string reason, string? expected) =>
        Assert.Equal(expected, LocalAlternative.Problem(term, spellings, words, reason));

    [Fact]
    public void Problem_ATooLongReason_IsRefused() =>
        Assert.Equal("Alasan paling banyak 300 karakter.", LocalAlternative.Problem("Nike", "", "jaket", new string('a', 301)));
}
