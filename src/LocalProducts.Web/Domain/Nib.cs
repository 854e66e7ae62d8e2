namespace LocalProducts.Web.Domain;

/// Nomor Induk Berusaha: the 13-digit business number issued by the OSS licensing system.
public static class Nib
{
    public const int Length = 13;

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);
}
