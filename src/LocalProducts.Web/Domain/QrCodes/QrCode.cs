using System.Security.Cryptography;

namespace LocalProducts.Web.Domain.QrCodes;

/// A short code printed on packaging, a stand or a poster. `/q/{code}` counts the scan and
/// redirects to the product, maker or event page. One code per thing, made the first time an
/// owner or staff prints it, and never reused: a printed code keeps working.
public sealed class QrCode
{
    public const int CodeLength = 7;

    /// Lower-case letters and digits without look-alikes (no 0/o, 1/l/i): 31 signs, so 31⁷ (about
    /// 27 billion) codes, and a clash of two random ones is rare enough to simply draw again.
    public const string Alphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public int Id { get; private set; }
    /// Lower-case letters and digits without look-alikes (no 0/o, 1/l/i), so it can be typed.
    public required string Code { get; init; }
    public QrTargetKind TargetKind { get; init; }
    public int TargetId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// A random code from <see cref="Alphabet"/>.
    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// A code drawn with <paramref name="pick"/>, which returns an index below the number it is
    /// given (for tests: a fixed sequence).
    public static string NewCode(Func<int, int> pick) =>
        string.Create(CodeLength, pick, (chars, next) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[next(Alphabet.Length)];
            }
        });

    /// The code as printed, from what a scanner or a person typed: upper case is read as lower
    /// case; anything else that is not a well-formed code is null, so the database is not asked
    /// about junk.
    public static string? Normalize(string? text)
    {
        if (text is not { Length: CodeLength })
        {
            return null;
        }
        var code = text.ToLowerInvariant();
        return code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }
}
