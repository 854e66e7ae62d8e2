using System.Globalization;
using System.Text;
using QRCoder;

namespace LocalProducts.Web.Infrastructure.Accounts;

/// Reading the codes people type in the second step, and showing the key they set up with.
public static class TwoFactorCodes
{
    public const string Issuer = "Melokal";

    /// Without the spaces and hyphens people type: "123 456" and "123-456" are "123456".
    public static string Normalize(string? code) =>
        new([.. (code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    /// Six digits: a code from the authenticator app. Anything else is tried as a recovery code.
    public static bool IsAuthenticatorCode(string normalized) =>
        normalized.Length == 6 && normalized.All(char.IsAsciiDigit);

    /// Identity's recovery codes read "ABCDE-23456": upper case, with the hyphen put back.
    public static string NormalizeRecoveryCode(string? code)
    {
        var compact = Normalize(code).ToUpperInvariant();
        return compact.Length == 10 ? $"{compact[..5]}-{compact[5..]}" : compact;
    }

    /// The key in groups of four, easier to type into an app by hand.
    public static string FormatKey(string key)
    {
        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return formatted.ToString().TrimEnd().ToLowerInvariant();
    }

    /// The otpauth:// address authenticator apps read from the QR code (Key Uri Format).
    public static string AuthenticatorUri(string accountName, string key) => string.Format(
        CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
        Uri.EscapeDataString(Issuer), Uri.EscapeDataString(accountName), key);

    /// The QR code as a PNG data: URI, which the Content-Security-Policy allows for images (no
    /// script, no inline style, nothing fetched from elsewhere).
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
