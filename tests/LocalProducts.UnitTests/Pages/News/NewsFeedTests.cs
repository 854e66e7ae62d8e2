using System.Xml.Linq;
using LocalProducts.Web.Pages.News;

namespace LocalProducts.UnitTests.Pages.News;

public sealed class NewsFeedTests
{
    [Fact]
    public void Write_IsWellFormedRss_WithControlCharactersDropped_AndTextEscaped()
    {
        var items = new[]
        {
            new FeedItem(7, "kopi-gayo", "Kopi <b>Gayo</b> & teh\u0001 ☕", "Lead \"kutip\" \U0001F600", new DateTimeOffset(2026, 11, 23, 2, 30, 0, TimeSpan.Zero), "Rina", ["kopi", "penjualan daring"]),
        };

        var xml = NewsFeeds.Write("Melokal: Berita", "https://melokal.test/berita", "https://melokal.test/berita/feed.xml", "Berita", items,
            slug => $"https://melokal.test/berita/{slug}");

        var rss = XDocument.Parse(xml);
        var item = rss.Root!.Element("channel")!.Element("item")!;
        Assert.Equal("2.0", rss.Root.Attribute("version")!.Value);
        Assert.Equal("Kopi <b>Gayo</b> & teh ☕", item.Element("title")!.Value);
        Assert.Equal("Lead \"kutip\" \U0001F600", item.Element("description")!.Value);
        Assert.Equal("https://melokal.test/berita/kopi-gayo", item.Element("link")!.Value);
        Assert.Equal("Mon, 23 Nov 2026 02:30:00 GMT", item.Element("pubDate")!.Value);
        Assert.Equal("melokal-berita-7", item.Element("guid")!.Value);
        Assert.Equal(["kopi", "penjualan daring"], item.Elements("category").Select(c => c.Value));
    }
}
