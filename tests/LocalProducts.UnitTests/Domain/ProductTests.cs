using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class ProductTests
{
    [Fact]
    public void SetPrice_RefusesARangeThatGoesDown()
    {
        var product = new Product { Slug = "x", Name = "X" };

        Assert.Throws<ArgumentOutOfRangeException>(() => product.SetPrice(50000, 40000));
        Assert.Throws<ArgumentOutOfRangeException>(() => product.SetPrice(-1, null));
    }

    [Fact]
    public void SetPrice_EqualEnds_IsASinglePrice()
    {
        var product = new Product { Slug = "x", Name = "X" };

        product.SetPrice(50000, 50000);

        Assert.Null(product.PriceMax);
    }

    [Fact]
    public void AddMarketplaceLink_RefusesLinksOffThePlatform()
    {
        var product = new Product { Slug = "x", Name = "X" };

        Assert.Throws<ArgumentException>(() => product.AddMarketplaceLink(Marketplace.Shopee, "https://evil.example/shopee.co.id"));
        Assert.Empty(product.MarketplaceLinks);
    }
}
