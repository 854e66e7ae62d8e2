namespace LocalProducts.Web.Pages.ESmart;

/// What the tile map draws: each province's trained count (and its name), shaded against the largest.
public sealed record ProvinceTileMap(IReadOnlyList<ProvinceFigures> Provinces)
{
    public const int TileSize = 40;
    public const int Gap = 4;

    public int Width => ProvinceTileGrid.Columns * (TileSize + Gap);
    public int Height => ProvinceTileGrid.Rows * (TileSize + Gap);
    public int MaxTrained => Provinces.Count == 0 ? 0 : Provinces.Max(p => p.Trained);

    /// The fills of shade steps 0 (none) to 5 and the text colour that reads on each.
    public static readonly IReadOnlyList<(string Fill, string Text)> Shades =
    [
        ("#eceff1", "#37474f"),
        ("#d5ede1", "#1b3a2b"),
        ("#a8d8bf", "#1b3a2b"),
        ("#6cbb93", "#10281d"),
        ("#2e8b5f", "#ffffff"),
        ("#0d5c3b", "#ffffff"),
    ];
}
