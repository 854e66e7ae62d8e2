using System.Globalization;

namespace LocalProducts.Web.Pages.Products.WhatsApp;

/// The chat a shopper opens with the maker from a product's page: a wa.me address with the order
/// already written. The message is always in Indonesian, whatever language the shopper reads the
/// site in: it is addressed to the maker.
public static class WhatsAppOrderMessage
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 999;

    /// The quantity as typed, within 1 to 999: a number beyond the bounds is brought back to the
    /// nearest bound, anything else (empty, letters, decimals) is 1.
    public static int Quantity(string? typed)
    {
        var text = typed?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return MinQuantity;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return (int)Math.Clamp(number, MinQuantity, MaxQuantity);
        }
        // More digits than a long holds is still a (very) large number.
        return text.All(char.IsAsciiDigit) ? MaxQuantity : MinQuantity;
    }

    /// "Halo, saya ingin memesan lewat Melokal:", then the product's name, the price as the page
    /// shows it, the quantity and the product's address, one to a line.
    public static string Text(string productName, long priceMin, long? priceMax, string? unit, int quantity, string productUrl)
    {
        var per = string.IsNullOrWhiteSpace(unit) ? "" : " / " + unit.Trim();
        var of = string.IsNullOrWhiteSpace(unit) ? "" : " " + unit.Trim();
        return string.Create(CultureInfo.InvariantCulture, $"""
            Halo, saya ingin memesan lewat Melokal:
            {productName.Trim()}
            Harga: {Domain.Rupiah.FormatRange(priceMin, priceMax)}{per}
            Jumlah: {quantity}{of}
            {productUrl}
            """).ReplaceLineEndings("\n");
    }

    /// https://wa.me/62…?text=…, the text percent-encoded as UTF-8 (spaces, line breaks, ampersands,
    /// "#", "+" and letters beyond ASCII included); null when the number is not a stored +62… number.
    public static string? Url(string? whatsApp, string text) =>
        Domain.Ikm.IsValidWhatsApp(whatsApp)
            ? "https://wa.me/" + whatsApp![1..] + "?text=" + Uri.EscapeDataString(text)
            : null;
}
