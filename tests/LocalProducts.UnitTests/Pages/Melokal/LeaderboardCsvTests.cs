using LocalProducts.Web.Pages.Melokal.Leaderboard;

namespace LocalProducts.UnitTests.Pages.Melokal;

public sealed class LeaderboardCsvTests
{
    [Theory]
    [InlineData(0.041234, "4.1234")]
    [InlineData(0.15000000000000002, "15.0000")]
    [InlineData(null, "")]
    public void Percent_FourDecimalsWithADot(double? rate, string expected) => Assert.Equal(expected, LeaderboardCsv.Percent(rate));

    [Theory]
    [InlineData("@kopi (Instagram), @kopinus (TikTok)", "kopi (Instagram), kopinus (TikTok)")]
    [InlineData("@budi, @budi.tt", "budi, budi.tt")]
    [InlineData("", "")]
    public void Handles_AreWrittenWithoutTheirAt(string handles, string expected) => Assert.Equal(expected, LeaderboardCsv.Handles(handles));
}
