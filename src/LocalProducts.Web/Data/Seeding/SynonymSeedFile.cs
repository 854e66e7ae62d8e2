using System.Globalization;
using System.Text;
using LocalProducts.Web.Domain.Search;

namespace LocalProducts.Web.Data.Seeding;

/// Reads seeds/reference/search/synonyms.tsv: UTF-8, one pair a line, four fields separated by
/// tabs (word, same_as, kind, direction); lines starting with # and blank lines are skipped. Kind
/// is one of <see cref="Kinds"/>; direction is "&lt;&gt;" (both ways) or "&gt;" (word finds same_as
/// only). Both sides are normalized (<see cref="SearchSynonym.Normalize"/>) and checked
/// (<see cref="SearchSynonym.Problem"/>); a pair that repeats an earlier one is an error. Every bad
/// line is reported at once, each with its number, in one <see cref="InvalidDataException"/>.
public static class SynonymSeedFile
{
    public const string BothWays = "<>";
    public const string OneWay = ">";

    /// The kind codes used in the file.
    public static readonly IReadOnlyDictionary<string, SynonymKind> Kinds = new Dictionary<string, SynonymKind>(StringComparer.Ordinal)
    {
        ["sama-arti"] = SynonymKind.SameMeaning,
        ["ejaan"] = SynonymKind.Spelling,
        ["singkatan"] = SynonymKind.Abbreviation,
        ["kata-kategori"] = SynonymKind.CategoryWord,
        ["tempat"] = SynonymKind.Place,
    };

    public static IReadOnlyList<SynonymSeed> Read(string path) =>
        Parse(File.ReadLines(path, Encoding.UTF8), Path.GetFileName(path));

    /// <param name="lines">The file's lines, the first being line 1.</param>
    /// <param name="fileName">Named in the error messages.</param>
    public static IReadOnlyList<SynonymSeed> Parse(IEnumerable<string> lines, string fileName = "synonyms.tsv")
    {
        var pairs = new List<SynonymSeed>();
        var errors = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var problem = ReadLine(line, number, pairs, out var pair);
            if (problem is not null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{fileName} line {number}: {problem}"));
            }
            else
            {
                pairs.Add(pair!);
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }
        return pairs;
    }

    private static string? ReadLine(string line, int number, List<SynonymSeed> earlier, out SynonymSeed? pair)
    {
        pair = null;
        var fields = line.TrimEnd('\r', '\n', ' ').Split('\t');
        if (fields.Length != 4)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"expected 4 fields separated by tabs (word, same_as, kind, direction), found {fields.Length}: \"{line}\"");
        }
        var word = SearchSynonym.Normalize(fields[0]);
        var sameAs = SearchSynonym.Normalize(fields[1]);
        if (!Kinds.TryGetValue(fields[2].Trim(), out var kind))
        {
            return $"unknown kind \"{fields[2].Trim()}\" (use one of {string.Join(", ", Kinds.Keys)})";
        }
        var direction = fields[3].Trim();
        if (direction is not (BothWays or OneWay))
        {
            return $"unknown direction \"{direction}\" (use {BothWays} for both ways or {OneWay} for one way)";
        }
        if (SearchSynonym.Problem(word, sameAs) is { } problem)
        {
            return $"\"{fields[0].Trim()}\" / \"{fields[1].Trim()}\": {problem} (at most {SearchSynonym.MaxWords} words and {SearchSynonym.MaxLength} characters a side, two different sides)";
        }
        var bothWays = direction == BothWays;
        if (earlier.FirstOrDefault(e => SearchSynonym.Repeats(word, sameAs, bothWays, e.Word, e.SameAs, e.BothWays)) is { } first)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\"{word}\" / \"{sameAs}\" repeats the pair on line {first.Line}");
        }
        pair = new SynonymSeed(number, word, sameAs, kind, bothWays);
        return null;
    }
}
