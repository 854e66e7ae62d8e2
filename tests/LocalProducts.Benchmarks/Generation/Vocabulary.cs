using System.Text.Json;
using System.Text.RegularExpressions;

namespace LocalProducts.Benchmarks.Generation;

/// The words the generator builds names, descriptions and stories from: Vocabulary.json beside
/// the binaries. Kept in a data file so the lists can grow without touching code.
internal sealed record Vocabulary(CommonVocabulary Common, IReadOnlyDictionary<string, CategoryVocabulary> Categories)
{
    public const string FileName = "Vocabulary.json";
    public const int MinimumDescriptionTemplates = 8;
    /// The common part the generator draws an optional second description paragraph from.
    public const string MoreInfoPart = "moreInfo";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// Placeholders the generator fills itself; every other {name} must be a part list.
    public static readonly IReadOnlySet<string> BuiltInPlaceholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "noun", "variety", "quality", "region", "size", "unit", "place", "province", "maker", "year", "minOrder", "workers",
        "name", "person", "prefix", "core", "suffix", "trade", "ikmDetail", "storyClosing",
    };

    public static Vocabulary Load(string path)
    {
        using var stream = File.OpenRead(path);
        var vocabulary = JsonSerializer.Deserialize<Vocabulary>(stream, _json)
            ?? throw new InvalidDataException($"{path} is empty.");
        vocabulary.Validate(path);
        return vocabulary;
    }

    /// Category slugs in a fixed order, so the same seed gives the same rows whatever order the
    /// JSON object was read in.
    public IReadOnlyList<string> CategorySlugs => [.. Categories.Keys.Order(StringComparer.Ordinal)];

    private void Validate(string path)
    {
        var problems = new List<string>();
        if (!Common.Parts.TryGetValue(MoreInfoPart, out var moreInfo) || moreInfo.Count == 0)
        {
            problems.Add($"common.parts.{MoreInfoPart} is missing");
        }
        foreach (var (slug, category) in Categories)
        {
            if (category.Descriptions.Count < MinimumDescriptionTemplates)
            {
                problems.Add($"{slug} has {category.Descriptions.Count} description templates; at least {MinimumDescriptionTemplates} are expected");
            }
            if (category.Products.Count == 0 || category.Varieties.Count == 0 || category.Qualities.Count == 0
                || category.Regions.Count == 0 || category.Names.Count == 0 || category.Trade.Count == 0 || category.Kbli.Count == 0
                || category.IkmDetails.Count == 0 || category.Sentra.Count == 0)
            {
                problems.Add($"{slug} has an empty word list");
            }
            foreach (var product in category.Products)
            {
                if (product.Price is not [var low, var high] || low <= 0 || high < low)
                {
                    problems.Add($"{slug}/{product.Noun} needs a price [lowest, highest]");
                }
            }
            var known = new HashSet<string>(BuiltInPlaceholders, StringComparer.Ordinal);
            known.UnionWith(Common.Parts.Keys);
            known.UnionWith(category.Parts.Keys);
            var texts = category.Names.Concat(category.Descriptions).Concat(category.IkmDetails).Concat(category.Sentra)
                .Concat(category.Parts.Values.SelectMany(list => list))
                .Concat(Common.Parts.Values.SelectMany(list => list))
                .Concat(Common.MakerPatterns).Concat(Common.StoryTemplates);
            foreach (var text in texts)
            {
                foreach (var name in Placeholders(text))
                {
                    var key = char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
                    if (!known.Contains(key))
                    {
                        problems.Add($"{slug}: unknown placeholder {{{name}}} in \"{text}\"");
                    }
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: {string.Join("; ", problems.Distinct())}.");
        }
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Regex.Matches(text, @"\{([A-Za-z]+)\}").Select(match => match.Groups[1].Value);
}

internal sealed record CommonVocabulary(
    IReadOnlyList<string> MakerPatterns,
    IReadOnlyList<string> Prefixes,
    IReadOnlyList<string> Cores,
    IReadOnlyList<string> Suffixes,
    IReadOnlyList<string> People,
    IReadOnlyList<string> Streets,
    IReadOnlyList<string> StoryTemplates,
    IReadOnlyList<string> StickyParts,
    string StoryClosing,
    IReadOnlyList<string> HiddenReasons,
    IReadOnlyDictionary<string, double> ProvinceWeights,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parts);

internal sealed record CategoryVocabulary(
    double Weight,
    IReadOnlyList<string> Kbli,
    IReadOnlyList<string> Trade,
    IReadOnlyList<string> Sentra,
    IReadOnlyList<string> IkmDetails,
    IReadOnlyList<ProductNoun> Products,
    IReadOnlyList<string> Varieties,
    IReadOnlyList<string> Qualities,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Parts,
    IReadOnlyList<string> Descriptions,
    CertificationRates Certifications,
    IReadOnlyList<string> Sni);

/// A kind of product: its noun, the unit it is sold by, its sizes from small to large and the
/// price range from the smallest size to the largest.
internal sealed record ProductNoun(string Noun, string Unit, IReadOnlyList<string> Sizes, IReadOnlyList<long> Price);

/// The share of a category's products that hold each certificate.
internal sealed record CertificationRates(double Tkdn, double Halal, double Pirt, double BpomMd, double BpomMl, double Sni);
