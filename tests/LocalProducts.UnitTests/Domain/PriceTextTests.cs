using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

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
