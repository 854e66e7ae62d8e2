using LocalProducts.Web.Pages;

namespace LocalProducts.UnitTests.Pages;

public sealed class LangTextTests
{
    [Fact]
    public void Of_EnglishPage_WithEnglishText_ShowsIt_WithoutLang()
    {
        var text = LangText.Of("Satu dalam Kopi", "One in Coffee", englishPage: true);

        Assert.Equal(new LangText("One in Coffee", null), text);
        Assert.Equal("One in Coffee", text.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Of_EnglishPage_WithoutEnglishText_ShowsTheIndonesian_MarkedLangId(string? english) =>
        Assert.Equal(new LangText("Satu dalam Kopi", "id"), LangText.Of("Satu dalam Kopi", english, englishPage: true));

    [Fact]
    public void Of_IndonesianPage_AlwaysShowsTheIndonesian_WithoutLang() =>
        Assert.Equal(new LangText("Satu dalam Kopi", null), LangText.Of("Satu dalam Kopi", "One in Coffee", englishPage: false));

    [Fact]
    public void OfOptional_NothingToShow_IsNull_EnglishOnly_IsShownOnEnglishPages()
    {
        Assert.Null(LangText.OfOptional(null, null, englishPage: true));
        Assert.Null(LangText.OfOptional(" ", "Lead", englishPage: false));
        Assert.Equal(new LangText("Lead", null), LangText.OfOptional(null, "Lead", englishPage: true));
        Assert.Equal(new LangText("Teras", "id"), LangText.OfOptional("Teras", null, englishPage: true));
    }
}
