namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// Products as staff paste them: slugs or product addresses ("/produk/kopi-kintamani",
/// "https://…/produk/kopi-kintamani?x=1"), separated by commas, spaces or new lines.
public static class ProductAddresses
{
    public static IReadOnlyList<string> SlugsIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return text.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(SlugOf)
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string SlugOf(string item)
    {
        var path = item.Split('?', '#')[0];
        var last = path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Trim().ToLowerInvariant();
    }
}
