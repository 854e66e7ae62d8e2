using System.Globalization;
using System.Text;
using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.Web.Data.Seeding;

/// Reads seeds/reference/search/local-alternatives.tsv: UTF-8, one mapping a line, six fields
/// separated by tabs (term, kind, other spellings, category slugs, search words, reason); lines
/// starting with # and blank lines are skipped. Kind is one of <see cref="Kinds"/>. Each line is
/// checked as staff's form is (<see cref="LocalAlternative.Problem"/>); a term or spelling another
/// line already has is an error. Every bad line is reported at once, each with its number, in one
/// <see cref="InvalidDataException"/>. Whether the category slugs exist is the seeder's check.
public static class AlternativeSeedFile
{
    public static readonly IReadOnlyDictionary<string, AlternativeTermKind> Kinds = new Dictionary<string, AlternativeTermKind>(StringComparer.Ordinal)
    {
        ["merek"] = AlternativeTermKind.Brand,
        ["kata-produk"] = AlternativeTermKind.ProductWord,
    };

    public static IReadOnlyList<AlternativeSeed> Read(string path) =>
        Parse(File.ReadLines(path, Encoding.UTF8), Path.GetFileName(path));

    /// <param name="lines">The file's lines, the first being line 1.</param>
    /// <param name="fileName">Named in the error messages.</param>
    public static IReadOnlyList<AlternativeSeed> Parse(IEnumerable<string> lines, string fileName = "local-alternatives.tsv")
    {
        var seeds = new List<AlternativeSeed>();
        var errors = new List<string>();
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var problem = ReadLine(line, number, spellings, out var seed);
            if (problem is not null)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{fileName} line {number}: {problem}"));
            }
            else
            {
                seeds.Add(seed!);
            }
        }
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }
        return seeds;
    }

    private static string? ReadLine(string line, int number, Dictionary<string, int> spellings, out AlternativeSeed? seed)
    {
        seed = null;
        var fields = line.TrimEnd('\r', '\n').Split('\t');
        if (fields.Length != 6)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"expected 6 fields separated by tabs (term, kind, other spellings, categories, search words, reason), found {fields.Length}: \"{line}\"");
        }
        if (!Kinds.TryGetValue(fields[1].Trim(), out var kind))
        {
            return $"unknown kind \"{fields[1].Trim()}\" (use one of {string.Join(", ", Kinds.Keys)})";
        }
        if (LocalAlternative.Problem(fields[0], fields[2], fields[4], fields[5]) is { } problem)
        {
            return $"\"{fields[0].Trim()}\": {problem}";
        }
        var categories = fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (categories.Count == 0)
        {
            return $"\"{fields[0].Trim()}\": no category";
        }
        var own = new[] { LocalAlternative.Normalize(fields[0]) }.Concat(LocalAlternative.List(fields[2])).Distinct(StringComparer.Ordinal).ToList();
        if (own.FirstOrDefault(spellings.ContainsKey) is { } taken)
        {
            return string.Create(CultureInfo.InvariantCulture, $"\"{taken}\" is already on line {spellings[taken]}");
        }
        foreach (var spelling in own)
        {
            spellings[spelling] = number;
        }
        seed = new AlternativeSeed(number, fields[0].Trim(), kind, fields[2].Trim(), categories, fields[4].Trim(), fields[5].Trim());
        return null;
    }
}
