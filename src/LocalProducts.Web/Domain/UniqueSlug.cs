using System.Globalization;

namespace LocalProducts.Web.Domain;

/// A slug no other row uses: the name's slug, or the same with "-2", "-3", … The caller asks the
/// database for the slugs taken that start with <see cref="BaseOf"/> (one query) and passes them
/// to <see cref="Choose"/>; the unique index catches the rare race between two saves.
public static class UniqueSlug
{
    /// Room left for a suffix such as "-12345".
    private const int SuffixRoom = 6;

    public static string BaseOf(string name, string fallback)
    {
        var slug = Slug.From(name);
        if (slug.Length == 0)
        {
            slug = fallback;
        }
        return slug.Length > Slug.MaxLength - SuffixRoom ? slug[..(Slug.MaxLength - SuffixRoom)].TrimEnd('-') : slug;
    }

    public static string Choose(string baseSlug, IEnumerable<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(baseSlug))
        {
            return baseSlug;
        }
        for (var n = 2; ; n++)
        {
            var candidate = baseSlug + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
