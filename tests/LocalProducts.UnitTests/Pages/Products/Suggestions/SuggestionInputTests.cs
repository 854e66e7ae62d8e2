using LocalProducts.Web.Pages.Products.Suggestions;

namespace LocalProducts.UnitTests.Pages.Products.Suggestions;

public sealed class SuggestionInputTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("k")]
    [InlineData(" k ")]
    [InlineData("%_'")]
    [InlineData("k'")]
    public void TooLittle_IsEmpty(string? q) => Assert.True(SuggestionInput.Parse(q).IsEmpty);

    [Fact]
    public void MoreThanFiftyCharacters_IsEmpty()
    {
        Assert.False(SuggestionInput.Parse(new string('k', 50)).IsEmpty);
        Assert.True(SuggestionInput.Parse(new string('k', 51)).IsEmpty);
    }

    [Fact]
    public void Words_AreLowerCaseLettersAndDigits_Only()
    {
        var input = SuggestionInput.Parse("  Kopi'; DROP--  Gayo:* 200g%");

        Assert.Equal(["kopi", "drop", "gayo", "200g"], input.Words);
        Assert.Equal("kopi drop gayo 200g", input.Text);
        Assert.Equal("kopi drop gayo", input.Before);
        Assert.Equal("200g", input.Last);
    }
}
