namespace LocalProducts.Web.Domain;

/// WhatsApp numbers are kept in international form (+628…), the form wa.me links need. Owners
/// type them as they say them: "0812-3456-7890", "62 812 3456 7890" or "+62 812…".
public static class WhatsAppNumber
{
    /// The number as +628…, or null when it is not an Indonesian mobile number.
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var plus = typed.TrimStart().StartsWith('+');
        var digits = new string([.. typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '.' or '(' or ')' or '+'))]);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit) || typed.Count(c => c == '+') > (plus ? 1 : 0))
        {
            return null;
        }
        string national;
        if (plus)
        {
            if (!digits.StartsWith("62", StringComparison.Ordinal))
            {
                return null;
            }
            national = digits[2..];
        }
        else if (digits.StartsWith("62", StringComparison.Ordinal))
        {
            national = digits[2..];
        }
        else if (digits.StartsWith('0'))
        {
            national = digits[1..];
        }
        else
        {
            return null;
        }
        // Mobile numbers: 8 then 8 to 11 more digits (0812-345-678 up to 0812-3456-78901).
        if (national.Length is < 9 or > 12 || national[0] != '8')
        {
            return null;
        }
        var number = "+62" + national;
        return Ikm.IsValidWhatsApp(number) ? number : null;
    }
}
