using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Newsroom;

/// Indonesian names of post states and moves, and the form values of the moves. The views pass
/// the names through T.
public static class NewsroomText
{
    public static string State(PostState state) => state switch
    {
        PostState.Draft => "Draf",
        PostState.InReview => "Ditinjau",
        PostState.Scheduled => "Terjadwal",
        PostState.Published => "Terbit",
        _ => "Diarsipkan",
    };

    /// The button's label for a move.
    public static string Move(PostMove move, PostState state) => move switch
    {
        PostMove.Save => state == PostState.Draft ? "Simpan draf" : "Simpan",
        PostMove.Submit => "Ajukan ke redaksi",
        PostMove.ReturnToDraft => state == PostState.Scheduled ? "Batalkan jadwal" : "Kembalikan ke draf",
        PostMove.Schedule => state == PostState.Scheduled ? "Ubah jadwal" : "Jadwalkan",
        PostMove.Publish => "Terbitkan sekarang",
        PostMove.Unpublish => "Tarik dari situs",
        PostMove.Archive => "Arsipkan",
        _ => "Pulihkan dari arsip",
    };

    /// The value the form's buttons send as "aksi".
    public static string Value(PostMove move) => move switch
    {
        PostMove.Save => "simpan",
        PostMove.Submit => "ajukan",
        PostMove.ReturnToDraft => "kembalikan",
        PostMove.Schedule => "jadwalkan",
        PostMove.Publish => "terbitkan",
        PostMove.Unpublish => "tarik",
        PostMove.Archive => "arsipkan",
        _ => "pulihkan",
    };

    public static PostMove? MoveOf(string? value) =>
        Enum.GetValues<PostMove>().Cast<PostMove?>().FirstOrDefault(m => Value(m!.Value) == value);

    public const string PreviewValue = "pratinjau";

    /// The note shown after a save, by the "aksi" that made it ("revisi": a revision restored).
    public static string SavedNotice(string aksi) => aksi switch
    {
        "ajukan" => "Tulisan diajukan ke redaksi.",
        "terbitkan" => "Tulisan diterbitkan.",
        "jadwalkan" => "Tulisan dijadwalkan.",
        "tarik" => "Tulisan ditarik dari situs dan kembali menjadi draf.",
        "arsipkan" => "Tulisan diarsipkan.",
        "pulihkan" => "Tulisan dipulihkan dari arsip menjadi draf.",
        "kembalikan" => "Tulisan dikembalikan menjadi draf.",
        "revisi" => "Revisi dipulihkan sebagai versi baru.",
        _ => "Tersimpan.",
    };
}
