using LocalProducts.Web.Domain;

namespace LocalProducts.UnitTests.Domain;

public sealed class CertificationTests
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
