using System.Text;

namespace LocalProducts.Web.Domain;

/// Tags as typed ("Kopi, #penjualan  daring, kopi") become one clean list: lower case, no
/// leading #, single spaces, no repeats, in the order typed.
public static class PostTags
{
    public const int MaxCount = 10;
    public const int MaxLength = 40;

    public static string[] Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return [];
        }
        var tags = new List<string>();
        foreach (var part in typed.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = Clean(part);
            if (tag.Length > 0 && !tags.Contains(tag, StringComparer.Ordinal))
            {
                tags.Add(tag);
            }
        }
        return [.. tags];
    }

    public static bool TooMany(string[] tags) => tags.Length > MaxCount;

    public static bool TooLong(string[] tags) => tags.Any(t => t.Length > MaxLength);

    private static string Clean(string part)
    {
        var text = part.Trim().TrimStart('#').Trim().ToLowerInvariant();
        var clean = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = clean.Length > 0;
                continue;
            }
            if (char.IsControl(c))
            {
                continue;
            }
            if (space)
            {
                clean.Append(' ');
                space = false;
            }
            clean.Append(c);
        }
        return clean.ToString();
    }
}
