using AngleSharp.Html.Parser;
using LocalProducts.Web.Infrastructure;

namespace LocalProducts.UnitTests.Infrastructure;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("[klik](JaVaScRiPt:alert(1))")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void ToSafeHtml_RemovesScriptsHandlersAndJavascriptLinks(string markdown)
    {
        var document = new HtmlParser().ParseDocument(_renderer.ToSafeHtml(markdown));

        Assert.Empty(document.QuerySelectorAll("script"));
        var all = document.Body!.QuerySelectorAll("*");
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes), a => a.Value.Contains("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(all.SelectMany(e => e.Attributes), a => a.Value.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(document.QuerySelectorAll("iframe, svg"));
    }

    [Fact]
    public void ToSafeHtml_KeepsImagesOnlyFromTheSitesMediaStore()
    {
        var html = _renderer.ToSafeHtml("![a](/media/a.jpg) ![b](https://tracker.example/b.gif) ![c](//cdn.example/c.jpg) ![d](/uploads/d.jpg)");

        Assert.Contains("src=\"/media/a.jpg\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/uploads/d.jpg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_RendersOrdinaryMarkdown()
    {
        var html = _renderer.ToSafeHtml("## Kopi\n\n**Arabika** dari [Gayo](/produk?kategori=kopi).");

        Assert.Contains("<h2>Kopi</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Arabika</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/produk?kategori=kopi\"", html, StringComparison.Ordinal);
    }
}
