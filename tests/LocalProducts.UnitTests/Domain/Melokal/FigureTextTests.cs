using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.UnitTests.Domain.Melokal;

public sealed class FigureTextTests
{
    [Theory]
    [InlineData("1234", 1234)]
    [InlineData(" 1.234 ", 1234)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("12 500", 12500)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    public void Read_AWholeNumberAsPeopleWriteIt_GivesItsValue(string text, int expected)
    {
        var reading = FigureText.Read(text);

        Assert.True(reading.IsValid);
        Assert.Equal(expected, reading.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Read_Empty_IsMissingNotZero(string? text)
    {
        var reading = FigureText.Read(text);

        Assert.True(reading.IsValid);
        Assert.Null(reading.Value);
    }

    [Theory]
    [InlineData("seribu")]
    [InlineData("12rb")]
    [InlineData("1.5")]
    [InlineData("12.34")]
    [InlineData("1.2345")]
    [InlineData("1.234,5")]
    [InlineData("1e6")]
    [InlineData("+5")]
    public void Read_Text_IsNotANumber(string text) => Assert.Equal(FigureProblem.NotANumber, FigureText.Read(text).Problem);

    [Theory]
    [InlineData("-5")]
    [InlineData("- 1.000")]
    [InlineData("\u221212")]
    public void Read_Negative_IsRefused(string text) => Assert.Equal(FigureProblem.Negative, FigureText.Read(text).Problem);

    [Fact]
    public void Read_FollowersPastABillion_IsTooLarge()
    {
        Assert.Equal(FigureProblem.TooLarge, FigureText.Read("1.000.000.001", FigureText.MaxFollowers).Problem);
        Assert.Equal(1_000_000_000, FigureText.Read("1000000000", FigureText.MaxFollowers).Value);
    }

    [Fact]
    public void Read_PastTheIntegerRange_IsTooLarge() =>
        Assert.Equal(FigureProblem.TooLarge, FigureText.Read("99999999999999999999999").Problem);
}
