namespace LocalProducts.Web.Pages.Newsroom;

public enum DiffKind
{
    Same = 1,
    Removed = 2,
    Added = 3,
}

public sealed record DiffLine(DiffKind Kind, string Text);

/// A line-by-line comparison of two texts (longest common subsequence), for comparing versions of
/// a post. Markdown keeps a paragraph on one line, so a changed paragraph shows as one line
/// removed and one added.
public static class LineDiff
{
    /// Past this many lines on both sides the table would be too large; the texts are then shown
    /// as all removed and all added.
    public const int MaxCells = 4_000_000;

    public static IReadOnlyList<DiffLine> Compare(string? before, string? after)
    {
        var a = Lines(before);
        var b = Lines(after);
        // Lines both texts start and end with need no table.
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }
        var endA = a.Length;
        var endB = b.Length;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        var result = new List<DiffLine>(a.Length + b.Length);
        result.AddRange(a[..start].Select(line => new DiffLine(DiffKind.Same, line)));
        var middleA = a[start..endA];
        var middleB = b[start..endB];
        if ((long)middleA.Length * middleB.Length > MaxCells)
        {
            result.AddRange(middleA.Select(line => new DiffLine(DiffKind.Removed, line)));
            result.AddRange(middleB.Select(line => new DiffLine(DiffKind.Added, line)));
        }
        else
        {
            result.AddRange(Middle(middleA, middleB));
        }
        result.AddRange(a[endA..].Select(line => new DiffLine(DiffKind.Same, line)));
        return result;
    }

    public static bool HasChanges(IReadOnlyList<DiffLine> diff) => diff.Any(line => line.Kind != DiffKind.Same);

    private static string[] Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.ReplaceLineEndings("\n").Split('\n');

    private static List<DiffLine> Middle(string[] a, string[] b)
    {
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var lines = new List<DiffLine>(a.Length + b.Length);
        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                lines.Add(new DiffLine(DiffKind.Same, a[x]));
                x++;
                y++;
            }
            else if (common[x + 1, y] >= common[x, y + 1])
            {
                lines.Add(new DiffLine(DiffKind.Removed, a[x++]));
            }
            else
            {
                lines.Add(new DiffLine(DiffKind.Added, b[y++]));
            }
        }
        lines.AddRange(a[x..].Select(line => new DiffLine(DiffKind.Removed, line)));
        lines.AddRange(b[y..].Select(line => new DiffLine(DiffKind.Added, line)));
        return lines;
    }
}
