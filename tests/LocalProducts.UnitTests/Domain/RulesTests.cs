using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class NibTests
{
    [Theory]
    [InlineData("9120001000001", true)]
    [InlineData("912000100000", false)]
    [InlineData("91200010000012", false)]
    [InlineData("91200010000a1", false)]
    [InlineData("９１２０００１０００００１", false)]
    [InlineData(null, false)]
    public void IsValid_AcceptsExactlyThirteenAsciiDigits(string? nib, bool valid) => Assert.Equal(valid, Nib.IsValid(nib));
}

public sealed class SlugTests
{
    [Theory]
    [InlineData("Kopi Arabika Gayo 200 g", "kopi-arabika-gayo-200-g")]
    [InlineData("  Batik Tulis -- Pekalongan!  ", "batik-tulis-pekalongan")]
    [InlineData("Café Über Sambal", "cafe-uber-sambal")]
    [InlineData("<script>", "script")]
    public void From_MakesLowercaseAsciiWithSingleHyphens(string text, string slug) => Assert.Equal(slug, Slug.From(text));

    [Fact]
    public void From_CutsLongTitles_ToTheMaximum() => Assert.True(Slug.From(new string('a', 500)).Length <= Slug.MaxLength);
}

public sealed class PdnRuleTests
{
    private static readonly DateOnly _today = new(2026, 11, 23);

    [Theory]
    // TKDN at least 25 % and TKDN + BMP at least 40 %, with a valid certificate.
    [InlineData(25.0, 15.0, "2027-01-01", true)]
    [InlineData(40.0, null, null, true)]
    [InlineData(62.5, 10.0, "2026-11-23", true)]
    [InlineData(24.99, 15.0, "2027-01-01", false)]
    [InlineData(30.0, 9.99, "2027-01-01", false)]
    [InlineData(62.5, 10.0, "2026-11-22", false)]
    public void QualifiesForPdn_NeedsBothThresholds_AndAValidCertificate(double tkdn, double? bmp, string? expires, bool expected)
    {
        var certification = new Certification
        {
            Kind = CertificationKind.Tkdn,
            Number = "TKDN-1",
            TkdnPercent = (decimal)tkdn,
            BmpPercent = (decimal?)bmp,
            ExpiresOn = expires is null ? null : DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(expected, certification.QualifiesForPdnOn(_today));
    }

    [Fact]
    public void QualifiesForPdn_IsOnlyForTkdn() =>
        Assert.False(new Certification { Kind = CertificationKind.Halal, Number = "ID1", TkdnPercent = 90m }.QualifiesForPdnOn(_today));

    [Fact]
    public void IsValidOn_ExpiresAfterItsLastDay()
    {
        var certification = new Certification { Kind = CertificationKind.Halal, Number = "ID1", ExpiresOn = _today };

        Assert.True(certification.IsValidOn(_today));
        Assert.False(certification.IsValidOn(_today.AddDays(1)));
    }
}

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

public sealed class CampaignTests
{
    [Fact]
    public void PhaseOn_IsUpcomingRunningOrPast_ByWibDate()
    {
        var campaign = new Campaign { Slug = "satu-dalam-kopi", Name = "Satu Dalam Kopi", Hashtag = "#SatuDalamKopi", StartsOn = new(2020, 4, 1), EndsOn = new(2020, 4, 30) };

        Assert.Equal(CampaignPhase.Upcoming, campaign.PhaseOn(new(2020, 3, 31)));
        Assert.Equal(CampaignPhase.Running, campaign.PhaseOn(new(2020, 4, 30)));
        Assert.Equal(CampaignPhase.Past, campaign.PhaseOn(new(2020, 5, 1)));
    }

    [Fact]
    public void PhaseOn_OpenEnded_RunsOn()
    {
        var campaign = new Campaign { Slug = "melokal", Name = "Melokal", Hashtag = "#Melokal", StartsOn = new(2023, 2, 1) };

        Assert.Equal(CampaignPhase.Running, campaign.PhaseOn(new(2030, 1, 1)));
    }
}

public sealed class IkmTests
{
    [Theory]
    [InlineData("+6281234567890", true)]
    [InlineData("081234567890", false)]
    [InlineData("+62 812 3456 7890", false)]
    [InlineData("+1234567890", false)]
    public void IsValidWhatsApp_WantsThePlus62Form(string number, bool valid) => Assert.Equal(valid, Ikm.IsValidWhatsApp(number));

    [Fact]
    public void Reject_NeedsAReason_AndVerifyClearsIt()
    {
        var ikm = new Ikm { Slug = "x", Name = "X", Nib = "9120001000001", ProvinceCode = "11", RegencyCode = "11.73" };

        Assert.Throws<ArgumentException>(() => ikm.Reject(" "));
        ikm.Reject("NIB tidak cocok dengan nama usaha");
        Assert.Equal(VerificationState.Rejected, ikm.Verification);
        ikm.Verify(DateTimeOffset.UnixEpoch);
        Assert.Null(ikm.RejectionReason);
        Assert.True(ikm.IsVerified);
    }
}
