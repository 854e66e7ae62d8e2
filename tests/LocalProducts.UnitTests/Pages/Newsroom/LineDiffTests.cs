using LocalProducts.Web.Pages.Newsroom;

namespace LocalProducts.UnitTests.Pages.Newsroom;

public sealed class LineDiffTests
{
    [Fact]
    public void Compare_MarksRemovedAndAddedLines_KeepsTheRest()
    {
        var diff = LineDiff.Compare("satu\ndua\ntiga\nempat", "satu\ndua berubah\ntiga\nempat\nlima");

        Assert.Equal(
        [
            new DiffLine(DiffKind.Same, "satu"),
            new DiffLine(DiffKind.Removed, "dua"),
            new DiffLine(DiffKind.Added, "dua berubah"),
            new DiffLine(DiffKind.Same, "tiga"),
            new DiffLine(DiffKind.Same, "empat"),
            new DiffLine(DiffKind.Added, "lima"),
        ], diff);
    }

    [Fact]
    public void Compare_SameText_HasNoChanges()
    {
        var diff = LineDiff.Compare("a\r\nb", "a\nb");

        Assert.False(LineDiff.HasChanges(diff));
        Assert.Equal(2, diff.Count);
    }

    [Fact]
    public void Compare_FromNothing_IsAllAdded()
    {
        var diff = LineDiff.Compare(null, "a\nb");

        Assert.All(diff, line => Assert.Equal(DiffKind.Added, line.Kind));
        Assert.Equal(2, diff.Count);
    }

    [Fact]
    public void Compare_MovedParagraph_ShowsOneRemovalAndOneAddition()
    {
        var diff = LineDiff.Compare("a\nb\nc", "b\nc\na");

        Assert.Single(diff, line => line.Kind == DiffKind.Removed);
        Assert.Single(diff, line => line.Kind == DiffKind.Added);
        Assert.Equal(2, diff.Count(line => line.Kind == DiffKind.Same));
    }
}
