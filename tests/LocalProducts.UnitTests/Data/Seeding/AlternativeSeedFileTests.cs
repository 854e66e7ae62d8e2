using System.Text.Json;
using LocalProducts.Web.Data.Seeding;
using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.UnitTests.Data.Seeding;

public sealed class AlternativeSeedFileTests
{
    private static string Seeds(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "seeds", .. parts]);

    [Fact]
    public void Parse_ReadsTheSixFields_SkippingCommentsAndBlankLines()
    {
        var seeds = AlternativeSeedFile.Parse(
        [
            "# comment",
            "",
            "Starbucks\tmerek\tsbux, starbuck\tkopi, olahan-kopi\tkopi arabika, kopi bubuk\tKopi biji dan bubuk dari kebun Indonesia",
            "serum korea\tkata-produk\t\tkosmetik-perawatan\tserum wajah\tPerawatan wajah buatan IKM",
        ]);

        Assert.Equal(2, seeds.Count);
        Assert.Equal(new AlternativeSeed(3, "Starbucks", AlternativeTermKind.Brand, "sbux, starbuck", seeds[0].CategorySlugs, "kopi arabika, kopi bubuk", "Kopi biji dan bubuk dari kebun Indonesia"), seeds[0]);
        Assert.Equal(["kopi", "olahan-kopi"], seeds[0].CategorySlugs);
        Assert.Equal(AlternativeTermKind.ProductWord, seeds[1].Kind);
    }

    [Fact]
    public void Parse_ReportsEveryBadLine_WithItsNumber()
    {
        var error = Assert.Throws<InvalidDataException>(() => AlternativeSeedFile.Parse(
        [
            "Nike\tmerek\t\tkerajinan-kulit\tjaket\tJaket kulit",
            "Nike\tmerek\t\tkerajinan-kulit\tjaket\tJaket kulit",
            "Puma\tmerk\t\tkerajinan-kulit\tjaket\tJaket kulit",
            "Adidas\tmerek\tkerajinan-kulit\tjaket\tJaket kulit",
            "Vans\tmerek\t\t\tjaket\tJaket kulit",
        ]));

        Assert.Contains("line 2: \"nike\" is already on line 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: unknown kind \"merk\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: expected 6 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: \"Vans\": no category", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSeedFile_HasAtLeastAHundredMappings_EveryCategoryInTheTree_AndNothingButAlternatifLokal()
    {
        var seeds = AlternativeSeedFile.Read(Seeds("reference", "search", "local-alternatives.tsv"));
        using var tree = JsonDocument.Parse(File.ReadAllText(Seeds("reference", "categories.json")));
        var slugs = tree.RootElement.EnumerateArray()
            .SelectMany(top => new[] { top }.Concat(top.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Array ? children.EnumerateArray() : []))
            .Select(c => c.GetProperty("slug").GetString()!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(seeds.Count >= 100, $"{seeds.Count} mappings");
        Assert.Empty(seeds.SelectMany(s => s.CategorySlugs.Where(slug => !slugs.Contains(slug)).Select(slug => $"line {s.Line}: {slug}")));
        // Nothing is claimed about a brand: no comparisons ("lebih baik") and no word on genuineness.
        string[] claims = ["lebih", "terbaik", "asli", "palsu", "kw", "murahan"];
        Assert.Empty(seeds.Where(s => s.Reason.ToLowerInvariant().Split(' ', ',', '.').Any(claims.Contains)).Select(s => s.Term));
        Assert.Contains(seeds, s => s.Term == "Starbucks");
        Assert.Contains(seeds, s => s.Term == "serum korea" && s.Kind == AlternativeTermKind.ProductWord);
    }
}
