namespace LocalProducts.Web.Pages.Admin.Melokal;

/// The round menu's model: which round, and which of its pages is open ("" for the overview).
public sealed record RoundNavView(int RoundId, string Current)
{
    /// Address segment and Indonesian label of each part of a round's staff pages.
    public static readonly IReadOnlyList<(string Segment, string Label)> Parts =
    [
        ("", "Ringkasan putaran"),
        ("ubah", "Pengaturan"),
        ("peserta", "Peserta"),
        ("konten", "Konten"),
        ("impor", "Impor CSV"),
        ("tanda", "Tanda kewajaran"),
        ("final", "Finalisasi"),
    ];
}
