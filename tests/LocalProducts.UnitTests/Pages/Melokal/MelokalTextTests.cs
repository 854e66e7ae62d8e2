using System.Globalization;
using LocalProducts.Web.Pages.Melokal;

namespace LocalProducts.UnitTests.Pages.Melokal;

public sealed class MelokalTextTests
{
    [Theory]
    [InlineData(0.0412, "id-ID", "4,12 %")]
    [InlineData(0.0412, "en-GB", "4.12 %")]
    [InlineData(0.15000000000000002, "id-ID", "15,00 %")]
    [InlineData(1.5, "id-ID", "150,00 %")]
    public void Percent_TwoDecimalsInTheReadersLanguage(double rate, string culture, string expected) =>
        Assert.Equal(expected, MelokalText.Percent(rate, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Percent_NoRate_IsEmpty() => Assert.Equal("", MelokalText.Percent(null, CultureInfo.InvariantCulture));
}
