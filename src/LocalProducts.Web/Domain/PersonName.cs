namespace LocalProducts.Web.Domain;

/// A name people type (a registrant, a commenter, an account's display name) as one line: it is
/// printed in e-mails after "Halo", where a line break would let a stranger write the rest of an
/// official-looking message.
public static class PersonName
{
    public static string SingleLine(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => new string([.. part.Where(c => !char.IsControl(c) && c is not ('\u2028' or '\u2029'))]))
            .Where(part => part.Length > 0));
}
