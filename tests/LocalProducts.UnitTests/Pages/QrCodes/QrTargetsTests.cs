using LocalProducts.Web.Domain.QrCodes;
using LocalProducts.Web.Pages.QrCodes;

namespace LocalProducts.UnitTests.Pages.QrCodes;

public sealed class QrTargetsTests
{
    [Theory]
    [InlineData(QrTargetKind.Product, "kopi-gayo", "/produk/kopi-gayo", "/kode-qr/produk/7")]
    [InlineData(QrTargetKind.Ikm, "batur-sangrai", "/ikm/batur-sangrai", "/kode-qr/ikm/7")]
    [InlineData(QrTargetKind.Event, "ngobrol-santai", "/acara/ngobrol-santai", "/kode-qr/acara/7")]
    public void Paths_ForEachKind(QrTargetKind kind, string slug, string publicPath, string printPath)
    {
        Assert.Equal(publicPath, QrTargets.PublicPath(kind, slug));
        Assert.Equal(printPath, QrTargets.PrintPath(kind, 7));
        Assert.Equal(kind, QrTargets.KindOf(QrTargets.WordOf(kind)));
    }

    [Theory]
    [InlineData("Produk")]
    [InlineData("product")]
    [InlineData("")]
    [InlineData(null)]
    public void KindOf_UnknownWord_IsNull(string? word) => Assert.Null(QrTargets.KindOf(word));

    [Fact]
    public void Printed_DropsTheScheme_KeepsHostAndPath() =>
        Assert.Equal("melokal.kemenperin.go.id/q/abc2def", QrTargets.Printed("https://melokal.kemenperin.go.id/q/abc2def"));
}
