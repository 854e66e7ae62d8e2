using LocalProducts.Web.Infrastructure.Accounts;
using Microsoft.Extensions.Configuration;

namespace LocalProducts.UnitTests.Infrastructure.Accounts;

public sealed class TwoFactorCodesTests
{
    [Theory]
    [InlineData("123 456", "123456", true)]
    [InlineData(" 123-456 ", "123456", true)]
    [InlineData("12345", "12345", false)]
    [InlineData("12345a", "12345a", false)]
    [InlineData("ABCDE-23456", "ABCDE23456", false)]
    public void Normalize_DropsSpacesAndHyphens_AndSixDigitsAreAnAppCode(string typed, string normalized, bool appCode)
    {
        Assert.Equal(normalized, TwoFactorCodes.Normalize(typed));
        Assert.Equal(appCode, TwoFactorCodes.IsAuthenticatorCode(TwoFactorCodes.Normalize(typed)));
    }

    [Theory]
    [InlineData("abcde-23456", "ABCDE-23456")]
    [InlineData("abcde 23456", "ABCDE-23456")]
    [InlineData("ABCDE23456", "ABCDE-23456")]
    [InlineData("XYZ", "XYZ")]
    public void NormalizeRecoveryCode_PutsBackIdentitysFormat(string typed, string code)
    {
        Assert.Equal(code, TwoFactorCodes.NormalizeRecoveryCode(typed));
    }

    [Fact]
    public void FormatKey_GroupsOfFour_LowerCase()
    {
        Assert.Equal("abcd efgh ijkl mn", TwoFactorCodes.FormatKey("ABCDEFGHIJKLMN"));
    }

    [Fact]
    public void AuthenticatorUri_FollowsTheKeyUriFormat_WithTheAddressEscaped()
    {
        Assert.Equal("otpauth://totp/Melokal:pemilik%2Bkopi%40contoh.test?secret=JBSWY3DPEHPK3PXP&issuer=Melokal&digits=6",
            TwoFactorCodes.AuthenticatorUri("pemilik+kopi@contoh.test", "JBSWY3DPEHPK3PXP"));
    }

    [Fact]
    public void QrCodeDataUri_IsAPngImage()
    {
        var uri = TwoFactorCodes.QrCodeDataUri("otpauth://totp/Melokal:a%40b.id?secret=JBSWY3DPEHPK3PXP&issuer=Melokal&digits=6");

        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
