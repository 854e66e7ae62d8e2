using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using LocalProducts.Web.Data;
using LocalProducts.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LocalProducts.Web.Infrastructure.Accounts;

/// Authenticator codes for the second log-in step, each accepted once. Identity's own provider
/// accepts a code as often as it likes while it is fresh, so a code seen over a shoulder or in a
/// proxy log signs in again within the minute. This one remembers the time step of the last code
/// that signed in and refuses that step and any earlier one (RFC 6238, section 5.2). The step is
/// claimed with a conditional UPDATE, so two instances given the same code cannot both accept it.
public sealed class SingleUseAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string ProviderName = "SingleUseAuthenticator";

    private const int StepSeconds = 30;

    /// Steps either side of now that still count, as Identity allows: phones' clocks drift.
    private const int AllowedDrift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// The app makes the codes; the site never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (MatchingStep(Base32.Decode(key), token, clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds) is not { } step)
        {
            return false;
        }
        // Only one request can move the step forward past this one: the other sees zero rows.
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < step))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAuthenticatorStep, (long?)step));
        // The tracked user is left as it was: writing the step back later could undo a newer claim.
        return claimed == 1;
    }

    /// The newest step within the drift whose code is <paramref name="token"/>, if any.
    internal static long? MatchingStep(byte[] key, string token, long now)
    {
        var expected = Encoding.ASCII.GetBytes(token);
        long? match = null;
        for (var step = now - AllowedDrift; step <= now + AllowedDrift; step++)
        {
            // Every candidate is computed and compared in full: the time taken says nothing.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), expected))
            {
                match = step;
            }
        }
        return match;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "RFC 6238 and every authenticator app use HMAC-SHA1; HOTP's truncation keeps it sound.")]
    internal static string Code(byte[] key, long step)
    {
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, step);
        var hash = HMACSHA1.HashData(key, message);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset, 4)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// RFC 4648 base32, as Identity writes authenticator keys.
    internal static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var bytes = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text.TrimEnd('=').ToUpperInvariant())
            {
                var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
                if (value < 0)
                {
                    continue;
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
}
