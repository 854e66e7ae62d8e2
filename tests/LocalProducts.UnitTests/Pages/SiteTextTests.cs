using System.Text.RegularExpressions;
using LocalProducts.Web.Pages;

namespace LocalProducts.UnitTests.Pages;

public sealed class SiteTextTests
{
    [Theory]
    [InlineData("2026-12-05T20:31:07.1234567+07:00", "2026-12-05T13:31:07Z")]
    [InlineData("2026-01-01T00:00:00.9999999+00:00", "2026-01-01T00:00:00Z")]
    [InlineData("2026-03-31T23:59:59-05:00", "2026-04-01T04:59:59Z")]
    public void MachineTime_IsUtcToTheSecond_WithoutFractions(string instant, string expected)
    {
        var text = SiteText.MachineTime(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, text);
        // A valid global date and time string for a time element's datetime attribute.
        Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$"), text);
    }
}
