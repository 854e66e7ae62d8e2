using LocalProducts.Web.Pages.Charts;

namespace LocalProducts.UnitTests.Pages.Charts;

public sealed class ChartNumbersTests
{
    [Theory]
    [InlineData(0, "Rp 0")]
    [InlineData(500, "Rp 500")]
    [InlineData(350_000, "Rp 350 rb")]
    [InlineData(1_200_000, "Rp 1,2 jt")]
    [InlineData(1_250_000, "Rp 1,25 jt")]
    [InlineData(15_000_000, "Rp 15 jt")]
    [InlineData(2_500_000_000, "Rp 2,5 M")]
    [InlineData(3_000_000_000_000, "Rp 3 T")]
    [InlineData(-350_000, "-Rp 350 rb")]
    public void Compact_Rupiah_UsesRibuJutaMiliar(double value, string expected) =>
        Assert.Equal(expected, ChartNumbers.Compact(value, ChartValueKind.Rupiah));

    [Theory]
    [InlineData(1_234_567, "Rp 1.234.567")]
    [InlineData(1_234_567.6, "Rp 1.234.568")]
    [InlineData(0, "Rp 0")]
    public void Full_Rupiah_IsWholeRupiahWithDots(double value, string expected) =>
        Assert.Equal(expected, ChartNumbers.Full(value, ChartValueKind.Rupiah));

    [Theory]
    [InlineData(57, "+57 %")]
    [InlineData(2.5, "+2,5 %")]
    [InlineData(0, "0 %")]
    [InlineData(-12, "-12 %")]
    public void Compact_Percent_SignsARise(double value, string expected) =>
        Assert.Equal(expected, ChartNumbers.Compact(value, ChartValueKind.Percent));

    [Theory]
    [InlineData(57, "+57,0 %")]
    [InlineData(39.04, "+39,0 %")]
    [InlineData(-4.96, "-5,0 %")]
    [InlineData(0.01, "0,0 %")]
    [InlineData(1234.5, "+1.234,5 %")]
    public void Full_Percent_HasOneDecimalWithComma(double value, string expected) =>
        Assert.Equal(expected, ChartNumbers.Full(value, ChartValueKind.Percent));

    [Fact]
    public void Percent_Unsigned_ForShares() =>
        Assert.Equal(["42 %", "42,0 %"], [ChartNumbers.Compact(42, ChartValueKind.Percent, signedPercent: false), ChartNumbers.Full(42, ChartValueKind.Percent, signedPercent: false)]);

    [Theory]
    [InlineData(1234, "1.234")]
    [InlineData(11_167, "11.167")]
    [InlineData(12.5, "12,5")]
    [InlineData(0, "0")]
    public void Full_Count_UsesDotsForThousands(double value, string expected) =>
        Assert.Equal(expected, ChartNumbers.Full(value, ChartValueKind.Count));

    [Theory]
    [InlineData(1234, "1.234")]
    [InlineData(2_500_000, "2,5 jt")]
    public void Compact_Count_ShortensMillions(double value, string expected) =>
        Assert.Equal(expected, ChartNumbers.Compact(value, ChartValueKind.Count));
}
