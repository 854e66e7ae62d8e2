using System.Security.Cryptography;

namespace LocalProducts.Web.Domain.Melokal;

/// An approved influencer's short link (/m/{code}) to one of the round's products or makers.
public sealed class InfluencerLink
{
    public const int CodeLength = 8;
    /// No 0/O, 1/l/I: codes are read aloud and typed from a caption.
    private const string CodeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public required string Code { get; init; }
    public int EntryId { get; init; }
    public RoundEntry? Entry { get; private set; }
    public int? ProductId { get; init; }
    public int? IkmId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    /// A code as it may be typed: the right length and letters only, so that the database is not
    /// asked about junk.
    public static bool LooksLikeCode(string? code) =>
        code is { Length: CodeLength } && code.All(c => CodeAlphabet.Contains(c, StringComparison.Ordinal));
}

/// Clicks on one short link on one day (WIB). Counted without cookies or anything about the
/// shopper, as the marketplace redirect counts.
public sealed class InfluencerLinkClickDay
{
    public required string Code { get; init; }
    public DateOnly Day { get; init; }
    public int Clicks { get; set; }
}
