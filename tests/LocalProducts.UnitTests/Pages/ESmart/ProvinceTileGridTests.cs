using LocalProducts.Web.Pages.ESmart;

namespace LocalProducts.UnitTests.Pages.ESmart;

public sealed class ProvinceTileGridTests
{
    private static IReadOnlyList<string> ReferenceProvinceCodes()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "LocalProducts.sln")))
        {
            folder = folder.Parent;
        }
        var path = Path.Combine(folder!.FullName, "seeds", "reference", "idn-area", "provinces.csv");
        return [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0].Trim())];
    }

    [Fact]
    public void EveryReferenceProvince_HasATile()
    {
        var codes = ReferenceProvinceCodes();

        Assert.Equal(38, codes.Count);
        Assert.All(codes, code => Assert.NotNull(ProvinceTileGrid.Of(code)));
        Assert.Equal(codes.Order(StringComparer.Ordinal), ProvinceTileGrid.Tiles.Select(t => t.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Tiles_AreDistinct_AndInsideTheGrid()
    {
        var tiles = ProvinceTileGrid.Tiles;

        Assert.Equal(tiles.Count, tiles.Select(t => (t.Column, t.Row)).Distinct().Count());
        Assert.Equal(tiles.Count, tiles.Select(t => t.Abbreviation).Distinct().Count());
        Assert.All(tiles, t => Assert.InRange(t.Column, 0, ProvinceTileGrid.Columns - 1));
        Assert.All(tiles, t => Assert.InRange(t.Row, 0, ProvinceTileGrid.Rows - 1));
    }

    [Fact]
    public void Tiles_LieRoughlyWhereTheProvincesAre()
    {
        // Aceh at the far west, the Papua provinces at the far east, Java south of Kalimantan.
        Assert.Equal(0, ProvinceTileGrid.Of("11")!.Column);
        Assert.All(new[] { "91", "92", "93", "94", "95", "96" }, code => Assert.True(ProvinceTileGrid.Of(code)!.Column >= 11));
        Assert.True(ProvinceTileGrid.Of("33")!.Row > ProvinceTileGrid.Of("62")!.Row);
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(1, 100, 1)]
    [InlineData(20, 100, 1)]
    [InlineData(21, 100, 2)]
    [InlineData(100, 100, 5)]
    [InlineData(5, 0, 0)]
    public void Shade_StepsAgainstTheLargest(int count, int max, int expected) =>
        Assert.Equal(expected, ProvinceTileGrid.Shade(count, max));
}
