using System.Collections.Frozen;
using System.IO.Compression;

namespace LocalProducts.Web.Pages.Products.Search;

/// Words search never "corrects": the Indonesian dictionary's words (seeds/reference/search/
/// id-words.txt.gz, from hunspell-id, LGPL-3) and the names of places (place-names.txt). Loaded
/// once, read-only.
public sealed class KnownWords
{
    private readonly FrozenSet<string> _words;

    public KnownWords(IEnumerable<string> words) =>
        _words = words.Select(w => w.Trim().ToLowerInvariant()).Where(w => w.Length > 0 && !w.StartsWith('#')).ToFrozenSet(StringComparer.Ordinal);

    public int Count => _words.Count;

    /// Whether any of the forms of a typed word (as typed, its stem) is a known word.
    public bool Contains(params ReadOnlySpan<string> forms)
    {
        foreach (var form in forms)
        {
            if (_words.Contains(form.ToLowerInvariant()))
            {
                return true;
            }
        }
        return false;
    }

    /// The lists copied beside the binaries (seeds/reference/search), for tools without the site's services.
    public static KnownWords LoadBesideBinaries() => Load(Path.Combine(AppContext.BaseDirectory, "seeds", "reference", "search"));

    /// The lists in a seeds/reference/search folder.
    public static KnownWords Load(string searchDirectory)
    {
        using var file = File.OpenRead(Path.Combine(searchDirectory, "id-words.txt.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }
        words.AddRange(File.ReadLines(Path.Combine(searchDirectory, "place-names.txt")));
        return new KnownWords(words);
    }
}
