using System.Net;
using LocalProducts.Web.Infrastructure.RateLimiting;

namespace LocalProducts.UnitTests.Infrastructure.RateLimiting;

public sealed class RateLimitKeysTests
{
    [Theory]
    [InlineData("203.0.113.9", "203.0.113.9")]
    [InlineData("::ffff:203.0.113.9", "203.0.113.9")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void ForAddress_CountsIPv6ByItsSlash64(string address, string key)
    {
        Assert.Equal(key, RateLimitKeys.ForAddress(IPAddress.Parse(address)));
    }

    [Fact]
    public void ForAddress_Unknown_IsOneKey()
    {
        Assert.Equal("unknown", RateLimitKeys.ForAddress(null));
    }

    [Fact]
    public void ForEmail_IsAHash_NotTheAddress_AndIgnoresCaseAndSpaces()
    {
        var key = RateLimitKeys.ForEmail(" Pemilik.Kopi@Melokal.test ");

        Assert.Equal(RateLimitKeys.ForEmail("pemilik.kopi@melokal.test"), key);
        Assert.DoesNotContain("@", key, StringComparison.Ordinal);
        Assert.DoesNotContain("pemilik", key, StringComparison.OrdinalIgnoreCase);
        Assert.True(key.Length <= 100);
    }
}
