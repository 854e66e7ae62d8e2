using LocalProducts.Web.Pages.News;

namespace LocalProducts.UnitTests.Pages.News;

public sealed class PostViewCounterTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/129.0 Mobile Safari/537.36", false)]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    [InlineData("facebookexternalhit/1.1 Crawler", true)]
    [InlineData("Baiduspider", true)]
    [InlineData("", true)]
    public void IsBot_ByUserAgent(string userAgent, bool bot) => Assert.Equal(bot, PostViewCounter.IsBot(userAgent));
}
