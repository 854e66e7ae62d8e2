using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace LocalProducts.Web.Domain;

/// A code handed to one person in a link (an event confirmation, a comment's, a two-factor set-up
/// link): 32 random bytes, base64url. Only its SHA-256 is stored, so a copy of the database opens
/// no link; it is compared in constant time.
public static class OneTimeCode
{
    /// A new code and the hash to store; the code itself goes out once and is not kept.
    public static (string Code, string Hash) New()
    {
        var code = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (code, HashOf(code));
    }

    public static bool Matches(string? storedHash, string? code) =>
        storedHash is not null && !string.IsNullOrEmpty(code)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(HashOf(code)));

    private static string HashOf(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
