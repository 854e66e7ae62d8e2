using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain.Search;

namespace LocalProducts.UnitTests.Data.Seeding;

public sealed class SynonymSeedFileTests
{
    private static IReadOnlyList<SynonymSeed> Parse(params string[] lines) => SynonymSeedFile.Parse(lines);

    private static string Error(params string[] lines) => Assert.Throws<InvalidDataException>(() => Parse(lines)).Message;

    [Fact]
    public void Parse_AGoodFile_ReadsEveryPair_NormalizedWithItsLine()
    {
        var pairs = Parse(
            "# hijab and the like",
            "",
            "Hijab\tjilbab\tsama-arti\t<>",
            "keripik\tkripik\tejaan\t<>",
            "VCO\tVirgin-Coconut  Oil\tsingkatan\t<>",
            "   ",
            "cemilan\tmakanan ringan\tkata-kategori\t>",
            "solo\tsurakarta\ttempat\t>\r");

        Assert.Equal(
        [
            new SynonymSeed(3, "hijab", "jilbab", SynonymKind.SameMeaning, true),
            new SynonymSeed(4, "keripik", "kripik", SynonymKind.Spelling, true),
            new SynonymSeed(5, "vco", "virgin coconut oil", SynonymKind.Abbreviation, true),
            new SynonymSeed(7, "cemilan", "makanan ringan", SynonymKind.CategoryWord, false),
            new SynonymSeed(8, "solo", "surakarta", SynonymKind.Place, false),
        ], pairs);
    }

    [Fact]
    public void Parse_AnUnknownKind_NamesItsLine()
    {
        var error = Error("# kinds", "hijab\tjilbab\tsinonim\t<>");

        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("unknown kind \"sinonim\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnUnknownDirection_NamesItsLine()
    {
        var error = Error("hijab\tjilbab\tsama-arti\t<>", "solo\tsurakarta\ttempat\t->");

        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("unknown direction \"->\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyWords_NamesItsLine()
    {
        var error = Error("", "", "kopi\tkopi arabika gayo sangrai bubuk\tsama-arti\t>");

        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("paling banyak 4 kata", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingFields_NamesItsLine()
    {
        var error = Error("hijab jilbab sama-arti <>");

        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.Contains("expected 4 fields", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TheSameWordsTwice_NamesBothLines()
    {
        var error = Error("hijab\tjilbab\tsama-arti\t<>", "# again, other case", "HIJAB\tJilbab\tsama-arti\t>");

        Assert.Contains("line 3", error, StringComparison.Ordinal);
        Assert.Contains("repeats the pair on line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TheReverseOfABothWaysPair_IsADuplicate()
    {
        var error = Error("hijab\tjilbab\tsama-arti\t<>", "jilbab\thijab\tsama-arti\t>");

        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("repeats the pair on line 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoOneWayPairsInOppositeDirections_AreKept()
    {
        var pairs = Parse("solo\tsurakarta\ttempat\t>", "surakarta\tsolo\ttempat\t>");

        Assert.Equal(2, pairs.Count);
    }

    [Fact]
    public void Parse_SeveralBadLines_ReportsEachWithItsNumber()
    {
        var error = Error("hijab\tjilbab\tsama\t<>", "kopi\tkopi\tejaan\t<>", "ok\toke\tejaan\t<>");

        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TheSeedFile_IsValid()
    {
        var pairs = SynonymSeedFile.Read(Path.Combine(AppContext.BaseDirectory, "seeds", "reference", "search", "synonyms.tsv"));

        Assert.NotEmpty(pairs);
    }
}
