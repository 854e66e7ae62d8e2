using LocalProducts.Web.Pages.Discovery;

namespace LocalProducts.UnitTests.Pages.Discovery;

public sealed class RobotsTxtTests
{
    private static readonly string[] _lines = RobotsTxt.Build("https://melokal.example/sitemap.xml").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Theory]
    [InlineData("Disallow: /admin")]
    [InlineData("Disallow: /dasbor")]
    [InlineData("Disallow: /akun")]
    [InlineData("Disallow: /redaksi")]
    [InlineData("Disallow: /keluar/")]
    [InlineData("Disallow: /produk?*&")]
    [InlineData("Disallow: /ikm?*&")]
    [InlineData("Allow: /produk?kategori=*&halaman=")]
    [InlineData("Allow: /produk?provinsi=*&halaman=")]
    [InlineData("Disallow: /*?q=")]
    [InlineData("Disallow: /*&q=")]
    [InlineData("Disallow: /*?urut=")]
    [InlineData("Disallow: /*&urut=")]
    [InlineData("Disallow: /*?harga_min=")]
    [InlineData("Disallow: /*&sertifikasi=")]
    [InlineData("Sitemap: https://melokal.example/sitemap.xml")]
    public void HasLine(string line) => Assert.Contains(line, _lines);

    [Fact]
    public void StartsWithTheGroupForEveryCrawler_AndNeverBlocksASingleCategory()
    {
        Assert.Equal("User-agent: *", _lines[0]);
        Assert.DoesNotContain(_lines, l => l.StartsWith("Disallow: /*?kategori", StringComparison.Ordinal) || l.StartsWith("Disallow: /*?provinsi", StringComparison.Ordinal));
    }
}
