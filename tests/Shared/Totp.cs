using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LocalProducts.Tests;

/// The codes an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), so
/// tests can pass the second log-in step as a person with a phone would.
public static class Totp
{
    public const int StepSeconds = 30;

    public static string Code(string base32Key, DateTimeOffset at, int digits = 6) =>
        Code(FromBase32(base32Key), at.ToUnixTimeSeconds() / StepSeconds, digits);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 6238 and every authenticator app use HMAC-SHA1; HOTP's truncation keeps it sound.")]
    public static string Code(byte[] key, long counter, int digits = 6)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff;
        var modulus = (int)Math.Pow(10, digits);
        return (binary % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// RFC 4648 base32, as authenticator keys are written; spaces, case and padding ignored.
    public static byte[] FromBase32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }
}
