namespace LocalProducts.Web.Pages.ESmart;

/// One province's square on the tile map: its column and row (0 at the top left) and a short
/// code (ISO 3166-2:ID without the country).
public sealed record ProvinceTile(string Code, int Column, int Row, string Abbreviation);

/// Indonesia's provinces as a tile grid, each square placed roughly where the province lies:
/// Sumatra at the left, Java and Nusa Tenggara along the bottom, Kalimantan and Sulawesi in the
/// middle, Maluku and the Papua provinces at the right. Keyed by the provinces table's code.
public static class ProvinceTileGrid
{
    public const int Columns = 14;
    public const int Rows = 7;

    public static readonly IReadOnlyList<ProvinceTile> Tiles =
    [
        new("11", 0, 0, "AC"),
        new("12", 1, 1, "SU"),
        new("14", 2, 1, "RI"),
        new("21", 3, 1, "KR"),
        new("13", 1, 2, "SB"),
        new("15", 2, 2, "JA"),
        new("19", 3, 2, "BB"),
        new("17", 1, 3, "BE"),
        new("16", 2, 3, "SS"),
        new("18", 2, 4, "LA"),
        new("31", 4, 4, "JK"),
        new("36", 3, 5, "BT"),
        new("32", 4, 5, "JB"),
        new("33", 5, 5, "JT"),
        new("34", 5, 6, "YO"),
        new("35", 6, 5, "JI"),
        new("51", 7, 6, "BA"),
        new("52", 8, 6, "NB"),
        new("53", 9, 6, "NT"),
        new("61", 4, 2, "KB"),
        new("62", 5, 2, "KT"),
        new("64", 6, 2, "KI"),
        new("65", 6, 1, "KU"),
        new("63", 6, 3, "KS"),
        new("75", 8, 1, "GO"),
        new("71", 9, 1, "SA"),
        new("72", 8, 2, "ST"),
        new("76", 7, 3, "SR"),
        new("73", 8, 3, "SN"),
        new("74", 9, 3, "SG"),
        new("82", 10, 1, "MU"),
        new("81", 10, 3, "MA"),
        new("96", 11, 2, "PD"),
        new("92", 12, 2, "PB"),
        new("91", 13, 2, "PA"),
        new("94", 12, 3, "PT"),
        new("95", 13, 3, "PE"),
        new("93", 13, 4, "PS"),
    ];

    private static readonly Dictionary<string, ProvinceTile> _byCode = Tiles.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static ProvinceTile? Of(string code) => _byCode.GetValueOrDefault(code);

    /// The shade step (0: none, 1–5: light to dark) of a count against the largest count.
    public static int Shade(int count, int max) =>
        count <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(5.0 * count / max), 1, 5);
}
