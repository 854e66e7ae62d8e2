using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LocalProducts.UnitTests.Resources;

/// Indonesian first, English second: every UI string the views ask for has its English line.
public sealed partial class TranslationTests
{
    [Fact]
    public void EveryLocalizedString_HasAnEnglishTranslation()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "LocalProducts.Web");
        var english = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet();

        Assert.NotEmpty(used);
        var missing = used.Where(key => !english.ContainsKey(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No English translation for:\n" + string.Join("\n", missing));
        Assert.Empty(english.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LocalProducts.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("LocalProducts.sln not found above the test binaries.");
    }

    // T["..."] and text["..."] in views and code, notes.Add("...") whose text a view passes to T,
    // and the names and messages of data annotations (localised through SharedResource).
    [GeneratedRegex(@"(?:\b[Tt]\[|\btext\[|notes\.Add\(|ErrorMessage = |Display\(Name = )""((?:[^""\\]|\\.)*)""")]
    private static partial Regex LocalizedKey();
}
