using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.MetricImports;

/// Indonesian words for the import's states and problems; the views pass them through T.
public static class ImportText
{
    public static string State(ImportState state) => state switch
    {
        ImportState.Queued => "Menunggu giliran",
        ImportState.Checking => "Sedang diperiksa",
        ImportState.NeedsDecision => "Menunggu keputusan",
        ImportState.Importing => "Sedang diimpor",
        ImportState.Done => "Selesai",
        ImportState.Cancelled => "Dibatalkan",
        _ => "Gagal",
    };

    public static string Problem(ImportProblemKind kind) => kind switch
    {
        ImportProblemKind.MissingColumns => "Kolom wajib tidak ada.",
        ImportProblemKind.UnknownColumns => "Ada kolom yang tidak dikenal.",
        ImportProblemKind.UnreadableEncoding => "Berkas ini tidak terbaca sebagai teks CSV (misalnya berkas Excel .xlsx). Simpan sebagai CSV lalu unggah lagi.",
        ImportProblemKind.EmptyFile => "Berkas kosong: tidak ada baris data di bawah judul kolom.",
        ImportProblemKind.TooManyRows => "Terlalu banyak baris dalam satu berkas.",
        ImportProblemKind.WrongFieldCount => "Jumlah kolom baris ini tidak sama dengan judul kolom.",
        ImportProblemKind.MissingValue => "Isian kosong.",
        ImportProblemKind.NotANumber => "Bukan angka bulat.",
        ImportProblemKind.NegativeNumber => "Angka negatif.",
        ImportProblemKind.NumberTooLarge => "Angka terlalu besar.",
        ImportProblemKind.NotADate => "Bukan tanggal dan jam yang terbaca.",
        ImportProblemKind.UnknownPlatform => "Platform tidak dikenal.",
        ImportProblemKind.PlatformNotCounted => "Platform ini tidak dihitung dalam putaran ini.",
        ImportProblemKind.UrlNotOfPlatform => "Tautan ini bukan postingan di platform tersebut.",
        ImportProblemKind.UnknownInfluencer => "Akun ini tidak terdaftar di putaran ini.",
        ImportProblemKind.InfluencerNotApproved => "Influencer ini belum disetujui.",
        ImportProblemKind.UnknownProduct => "Produk tidak dikenal.",
        ImportProblemKind.PostedAfterSnapshot => "Waktu posting sesudah waktu angka diambil.",
        ImportProblemKind.DuplicateRow => "Baris ganda (postingan dan waktu yang sama): dihitung sekali.",
        ImportProblemKind.SharedUrl => "Tautan yang sama ada di bawah influencer lain: akan ditandai.",
        ImportProblemKind.OutsideWindow => "Di luar masa pemantauan: disimpan, tidak dinilai.",
        ImportProblemKind.FollowersZeroOrMissing => "Pengikut nol atau kosong: postingan ini tidak dinilai.",
        ImportProblemKind.CountHidden => "Angka disembunyikan platform: disimpan sebagai tidak diketahui.",
        ImportProblemKind.ImportFailed => "Impor berhenti karena kesalahan tak terduga; tidak ada yang disimpan. Coba unggah lagi.",
        ImportProblemKind.RoundClosed => "Putaran ini tidak lagi menerima postingan.",
        _ => kind.ToString(),
    };
}
