using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

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
