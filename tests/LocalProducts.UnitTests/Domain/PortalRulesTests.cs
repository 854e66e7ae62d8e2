using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class WhatsAppNumberTests
{
    [Theory]
    [InlineData("081234567890", "+6281234567890")]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 7890", "+6281234567890")]
    [InlineData("(0812) 3456.7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("+62 812-3456-7890", "+6281234567890")]
    [InlineData("+6281337462918", "+6281337462918")]
    [InlineData(" 0813 3746 2918 ", "+6281337462918")]
    public void Normalize_TurnsLocalFormsIntoPlus62(string typed, string expected) =>
        Assert.Equal(expected, WhatsAppNumber.Normalize(typed));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0812")]
    [InlineData("021-5551234")]
    [InlineData("+6221 5551234")]
    [InlineData("+1 202 555 0100")]
    [InlineData("81234567890")]
    [InlineData("0812345678901234")]
    [InlineData("0812-3456-789a")]
    [InlineData("++6281234567890")]
    [InlineData("0812+34567890")]
    [InlineData("<script>alert(1)</script>")]
    public void Normalize_RefusesWhatIsNotAnIndonesianMobile(string typed) => Assert.Null(WhatsAppNumber.Normalize(typed));

    [Fact]
    public void Normalize_ResultAlwaysPassesTheIkmRule() =>
        Assert.True(Ikm.IsValidWhatsApp(WhatsAppNumber.Normalize("0812-3456-78")));
}

public sealed class PriceTextTests
{
    [Theory]
    [InlineData("25000", 25_000)]
    [InlineData("25.000", 25_000)]
    [InlineData("Rp 25.000", 25_000)]
    [InlineData("Rp25.000", 25_000)]
    [InlineData("rp. 25.000", 25_000)]
    [InlineData("Rp 25.000,-", 25_000)]
    [InlineData("25.000,00", 25_000)]
    [InlineData("1.250.000", 1_250_000)]
    [InlineData(" 850 ", 850)]
    [InlineData("0", 0)]
    [InlineData("999.999.999.999", 999_999_999_999)]
    public void TryParse_ReadsRupiahAsOwnersTypeThem(string text, long expected)
    {
        Assert.True(PriceText.TryParse(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Rp")]
    [InlineData("25,5")]
    [InlineData("25.5")]
    [InlineData("25.00")]
    [InlineData("2.50.000")]
    [InlineData("-25000")]
    [InlineData("25k")]
    [InlineData("1.000.000.000.000")]
    [InlineData("<script>")]
    public void TryParse_RefusesDecimalsAndNonsense(string? text) => Assert.False(PriceText.TryParse(text, out _));

    [Fact]
    public void Format_GivesBackWhatParseReads()
    {
        Assert.Equal("1.250.000", PriceText.Format(1_250_000));
        Assert.True(PriceText.TryParse(PriceText.Format(1_250_000), out var back));
        Assert.Equal(1_250_000, back);
    }
}

public sealed class PercentTextTests
{
    [Theory]
    [InlineData("45,5", 45.5)]
    [InlineData("45.5", 45.5)]
    [InlineData("45,67 %", 45.67)]
    [InlineData("100", 100)]
    [InlineData("0", 0)]
    public void TryParse_AcceptsCommaOrDot(string text, double expected)
    {
        Assert.True(PercentText.TryParse(text, out var percent));
        Assert.Equal((decimal)expected, percent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("4,5,6")]
    [InlineData("-5")]
    [InlineData("45,678")]
    [InlineData("empat puluh")]
    public void TryParse_RefusesWhatIsNotAPercentage(string text) => Assert.False(PercentText.TryParse(text, out _));

    [Fact]
    public void Format_WritesIndonesianDecimals() => Assert.Equal("45,5", PercentText.Format(45.50m));
}

public sealed class ListingCompletenessTests
{
    [Fact]
    public void Evaluate_EmptyListingWithPrice_ScoresPriceOnly_AndAsksForPhotosFirst()
    {
        var score = ListingCompleteness.Evaluate(new ListingFacts(PhotoCount: 0, DescriptionLength: 10, PriceMin: 25_000, CertificationCount: 0, MarketplaceLinkCount: 0));

        Assert.Equal(15, score.Score);
        Assert.Equal(ListingPart.Photos, score.Next);
        Assert.Equal([ListingPart.Photos, ListingPart.Description, ListingPart.MarketplaceLinks, ListingPart.Certifications], score.Missing);
    }

    [Fact]
    public void Evaluate_CompleteListing_Scores100_WithNothingNext()
    {
        var score = ListingCompleteness.Evaluate(new ListingFacts(3, 250, 85_000, 2, 3));

        Assert.Equal(100, score.Score);
        Assert.Null(score.Next);
    }

    [Theory]
    // Photos 30, description 20, links 20, certificates 15, price 15.
    [InlineData(1, 0, 0, 0, 0, 30)]
    [InlineData(0, 100, 0, 0, 0, 20)]
    [InlineData(0, 99, 0, 0, 0, 0)]
    [InlineData(0, 0, 1, 0, 0, 20)]
    [InlineData(0, 0, 0, 1, 0, 15)]
    [InlineData(0, 0, 0, 0, 1, 15)]
    [InlineData(1, 100, 1, 0, 1, 85)]
    public void Evaluate_AddsTheWeightOfEachPart(int photos, int description, int links, int certificates, long price, int expected) =>
        Assert.Equal(expected, ListingCompleteness.Evaluate(new ListingFacts(photos, description, price, certificates, links)).Score);

    [Fact]
    public void Evaluate_WithPhotos_NextIsTheDescription() =>
        Assert.Equal(ListingPart.Description, ListingCompleteness.Evaluate(new ListingFacts(1, 0, 1, 0, 0)).Next);
}

public sealed class UniqueSlugTests
{
    [Fact]
    public void Choose_FreeSlug_IsTheNamesSlug() =>
        Assert.Equal("kopi-gayo", UniqueSlug.Choose(UniqueSlug.BaseOf("Kopi Gayo", "produk"), ["kopi-gayo-wine"]));

    [Fact]
    public void Choose_TakenSlug_GetsTheFirstFreeNumber() =>
        Assert.Equal("kopi-gayo-4", UniqueSlug.Choose("kopi-gayo", ["kopi-gayo", "kopi-gayo-2", "kopi-gayo-3", "kopi-gayo-5"]));

    [Fact]
    public void BaseOf_NameWithoutLettersOrDigits_UsesTheFallback() => Assert.Equal("produk", UniqueSlug.BaseOf("<>!?", "produk"));

    [Fact]
    public void BaseOf_LongName_LeavesRoomForASuffix()
    {
        var slug = UniqueSlug.Choose(UniqueSlug.BaseOf(new string('a', 300), "produk"), [UniqueSlug.BaseOf(new string('a', 300), "produk")]);

        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("-2", slug, StringComparison.Ordinal);
        Assert.True(Slug.IsValid(slug));
    }
}
