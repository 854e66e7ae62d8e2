namespace LocalProducts.Web.Domain;

/// Indonesian mobile numbers as WhatsApp links need them: +62 followed by the number without its
/// leading zero. People write 0812-3456-7890, 62812…, +62 812 3456 7890.
public static class WhatsAppNumber
{
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var trimmed = typed.Trim();
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+')) || trimmed.LastIndexOf('+') > 0)
        {
            return null;
        }
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        var national = digits switch
        {
            _ when digits.StartsWith("62", StringComparison.Ordinal) => digits[2..],
            _ when digits.StartsWith('0') && !trimmed.StartsWith('+') => digits[1..],
            _ => null,
        };
        // Mobile numbers start with 8 and have 9 to 12 digits after the country code.
        return national is { Length: >= 9 and <= 12 } && national.StartsWith('8') ? "+62" + national : null;
    }
}
