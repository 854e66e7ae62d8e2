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

    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("+62 812 3456 7890", "+6281234567890")]
    [InlineData("6281234567890", "+6281234567890")]
    [InlineData("(0811) 234 567", "+62811234567")]
    [InlineData("021 555 1234", null)]
    [InlineData("0812", null)]
    [InlineData("+1 415 555 0100", null)]
    [InlineData("0812 3456 7890 ext", null)]
    [InlineData("<script>", null)]
    public void Normalize_WritesTheFormsTypedAtEventRegistrationAsPlus62(string typed, string? expected) =>
        Assert.Equal(expected, WhatsAppNumber.Normalize(typed));
}
