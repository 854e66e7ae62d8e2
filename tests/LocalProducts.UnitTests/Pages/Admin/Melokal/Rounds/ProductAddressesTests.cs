using LocalProducts.Web.Pages.Admin.Melokal.Rounds;

namespace LocalProducts.UnitTests.Pages.Admin.Melokal.Rounds;

public sealed class ProductAddressesTests
{
    [Fact]
    public void SlugsIn_ReadsSlugsAndAddresses_SeparatedAnyWay_EachOnce()
    {
        var slugs = ProductAddresses.SlugsIn("kopi-kintamani, https://melokal.kemenperin.go.id/produk/Tenun-Ikat?utm=x\n/produk/gula-aren/;kopi-kintamani");

        Assert.Equal(["kopi-kintamani", "tenun-ikat", "gula-aren"], slugs);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ,\n ")]
    public void SlugsIn_Nothing_IsNone(string? text) => Assert.Empty(ProductAddresses.SlugsIn(text));
}
