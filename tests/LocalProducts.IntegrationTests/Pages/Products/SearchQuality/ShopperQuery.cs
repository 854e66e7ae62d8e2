namespace LocalProducts.IntegrationTests.Pages.Products.SearchQuality;

/// A realistic shopper query on the demo catalogue and the products that answer it
/// (shopper-queries.tsv; docs/search.md explains the score).
public sealed record ShopperQuery(string Query, IReadOnlySet<string> Answers, string Why)
{
    public static IReadOnlyList<ShopperQuery> Load() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Pages", "Products", "SearchQuality", "shopper-queries.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new ShopperQuery(f[0], f[1] == "-" ? new HashSet<string>() : f[1].Split(',').ToHashSet(StringComparer.Ordinal), f[2]))
            .ToList();

    /// Answered well: when the catalogue has answers, the first min(answers, 5) results are all
    /// answers; when it has none, nothing is shown, or the page says the results only mention
    /// the words in their descriptions. Never a correction into another word.
    public bool IsAnsweredWellBy(IReadOnlyList<string> results, bool mentionOnly)
    {
        if (Answers.Count == 0)
        {
            return results.Count == 0 || mentionOnly;
        }
        var first = Math.Min(Answers.Count, 5);
        return results.Count >= first && results.Take(first).All(Answers.Contains);
    }
}
