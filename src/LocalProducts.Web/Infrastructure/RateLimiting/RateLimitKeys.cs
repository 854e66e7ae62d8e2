using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace LocalProducts.Web.Infrastructure.RateLimiting;

/// What a limit is counted against. Client addresses come from the connection after the
/// forwarded-headers middleware, so behind nginx they are the reader's, not the proxy's.
public static class RateLimitKeys
{
    /// IPv4 as it is; IPv6 by its /64 network, since one subscriber usually holds a whole /64.
    public static string ForAddress(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// An e-mail address as a hash (never the address itself): trimmed and lower-cased first so
    /// "A@x.id " and "a@x.id" count together.
    public static string ForEmail(string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return "email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// A signed-in person, by account id.
    public static string ForUser(Guid userId) => "user:" + userId.ToString("N");
}
