using System.Globalization;
using LocalProducts.Web.Pages.Campaigns.Impact;

namespace LocalProducts.UnitTests.Pages.Campaigns.Impact;

public sealed class ImpactFormatTests
{
    [Theory]
    [InlineData("id-ID", 0.5712, 0, "+57 %")]
    [InlineData("id-ID", 0.0492, 1, "+4,9 %")]
    [InlineData("id-ID", -0.06, 0, "-6 %")]
    [InlineData("id-ID", 0.0, 0, "0 %")]
    [InlineData("en-GB", 0.5712, 0, "+57%")]
    [InlineData("en-GB", 0.0492, 1, "+4.9%")]
    public void Percent_InTheReadersLanguage(string culture, double fraction, int decimals, string expected)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(expected, ImpactFormat.Percent(fraction, decimals));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void RupiahPerDay_RoundsToWholeRupiah()
    {
        Assert.Equal("Rp 10.036", ImpactFormat.RupiahPerDay(10_035.74));
    }
}
