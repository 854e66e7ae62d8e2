using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class MarketplaceTests
{
    [Theory]
    [InlineData(Marketplace.Tokopedia, "https://www.tokopedia.com/kopigayo/arabika", true)]
    [InlineData(Marketplace.Shopee, "https://shopee.co.id/batik.pekalongan", true)]
    [InlineData(Marketplace.TikTokShop, "https://www.tiktok.com/@tokokopi", true)]
    [InlineData(Marketplace.Tokopedia, "http://www.tokopedia.com/kopigayo", false)]
    [InlineData(Marketplace.Tokopedia, "https://tokopedia.com.evil.example/x", false)]
    [InlineData(Marketplace.Tokopedia, "https://eviltokopedia.com/x", false)]
    [InlineData(Marketplace.Shopee, "https://www.tokopedia.com/x", false)]
    [InlineData(Marketplace.Lazada, "javascript:alert(1)", false)]
    [InlineData(Marketplace.Blibli, "https://user@www.blibli.com/x", false)]
    [InlineData(Marketplace.Bukalapak, "https://www.bukalapak.com:8443/x", false)]
    public void IsShopUrl_AcceptsOnlyHttpsOnThePlatformsOwnDomain(Marketplace platform, string url, bool expected) =>
        Assert.Equal(expected, Marketplaces.IsShopUrl(platform, url));
}
