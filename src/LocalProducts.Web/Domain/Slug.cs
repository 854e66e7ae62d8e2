using System.Globalization;
using System.Text;

namespace LocalProducts.Web.Domain;

/// URL slugs: lowercase ASCII letters, digits and single hyphens.
public static class Slug
{
    public const int MaxLength = 120;

    public static string From(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(normalized.Length);
        var pendingHyphen = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && slug.Length > 0)
                {
                    slug.Append('-');
                }
                pendingHyphen = false;
                slug.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
            if (slug.Length >= MaxLength)
            {
                break;
            }
        }
        return slug.ToString().TrimEnd('-');
    }

    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value == From(value);
}
