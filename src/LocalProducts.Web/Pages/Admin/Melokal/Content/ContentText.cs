using System.Globalization;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.Content;

/// Indonesian names for posts' sources and scoring outcomes; the views pass them through T.
public static class ContentText
{
    public static string Source(MetricsSource source) => source switch
    {
        MetricsSource.Staff => "Staf",
        MetricsSource.Influencer => "Influencer",
        _ => "Impor CSV",
    };

    public static string Unscored(UnscoredReason reason) => reason switch
    {
        UnscoredReason.Excluded => "Dikecualikan staf",
        UnscoredReason.OutsideWindow => "Dikirim di luar jendela pemantauan",
        UnscoredReason.PlatformNotCounted => "Platform tidak dihitung di putaran ini",
        UnscoredReason.NotAboutRoundProducts => "Bukan tentang produk putaran ini",
        UnscoredReason.NoFiguresInWindow => "Belum ada angka yang diambil dalam jendela",
        UnscoredReason.FollowersUnknown => "Jumlah pengikut tidak diketahui",
        UnscoredReason.ViewsUnknown => "Jumlah tayangan tidak diketahui",
        _ => "Semua angka interaksi disembunyikan platform",
    };

    public static string Unranked(UnrankedReason reason) => reason switch
    {
        UnrankedReason.Excluded => "Dikecualikan",
        _ => "Kiriman yang dinilai terlalu sedikit",
    };

    /// A rate as a percentage with two decimals: 0.04532 → "4,53 %".
    public static string Rate(double? rate) =>
        rate is { } value ? (value * 100).ToString("0.00", CultureInfo.CurrentCulture) + " %" : "–";

    /// A count; a hidden one shows as a dash.
    public static string Count(long? count) => count is { } value ? value.ToString("#,0", CultureInfo.CurrentCulture) : "–";
}
