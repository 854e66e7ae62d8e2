using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// Indonesian names of a round's states, its moves and its entries' statuses; the views pass them
/// through T.
public static class RoundText
{
    public static string State(RoundState state) => state switch
    {
        RoundState.Draft => "Draf",
        RoundState.OpenForSignUp => "Pendaftaran dibuka",
        RoundState.Monitoring => "Pemantauan",
        RoundState.Scoring => "Penilaian",
        _ => "Final",
    };

    /// The button that makes the move.
    public static string Move(RoundState from, RoundState to) => (from, to) switch
    {
        (_, RoundState.OpenForSignUp) => "Buka pendaftaran",
        (_, RoundState.Draft) => "Kembalikan ke draf",
        (RoundState.Scoring, RoundState.Monitoring) => "Kembali ke pemantauan",
        (_, RoundState.Monitoring) => "Mulai pemantauan",
        (_, RoundState.Scoring) => "Mulai penilaian",
        _ => "Finalkan",
    };

    /// What the move means, beside its button.
    public static string MoveHint(RoundState from, RoundState to) => (from, to) switch
    {
        (_, RoundState.OpenForSignUp) => "Formulir pendaftaran publik dibuka untuk putaran ini.",
        (_, RoundState.Draft) => "Pendaftaran ditutup lagi; putaran tidak tampil untuk pendaftar baru.",
        (RoundState.Scoring, RoundState.Monitoring) => "Untuk menambah angka yang terlambat masuk. Pengaturan tetap terkunci.",
        (_, RoundState.Monitoring) => "Pendaftaran ditutup dan pengaturan yang menentukan skor dikunci.",
        (_, RoundState.Scoring) => "Angka terakhir dinilai; tanda kewajaran diperiksa sebelum putaran difinalkan.",
        _ => "",
    };

    public static string EntryStatus(EntryStatus status) => status switch
    {
        Domain.Melokal.EntryStatus.Unconfirmed => "Menunggu konfirmasi e-mail",
        Domain.Melokal.EntryStatus.Pending => "Menunggu keputusan",
        Domain.Melokal.EntryStatus.Approved => "Diterima",
        _ => "Ditolak",
    };
}
