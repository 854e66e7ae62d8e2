using LocalProducts.Tests;

namespace LocalProducts.UnitTests;

/// The test helper that plays the authenticator app, checked against RFC 6238's own examples.
public sealed class TotpTests
{
    // RFC 6238 appendix B: the SHA-1 key is the ASCII of "12345678901234567890".
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59, "94287082")]
    [InlineData(1111111109, "07081804")]
    [InlineData(1111111111, "14050471")]
    [InlineData(1234567890, "89005924")]
    [InlineData(2000000000, "69279037")]
    [InlineData(20000000000, "65353130")]
    public void Code_MatchesTheRfcTestVectors(long unixSeconds, string code)
    {
        Assert.Equal(code, Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), digits: 8));
        Assert.Equal(code[2..], Totp.Code(RfcKey, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void FromBase32_ReadsKeysAsAppsShowThem()
    {
        Assert.Equal("12345678901234567890"u8.ToArray(), Totp.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    }
}
