using LocalProducts.Web.Domain.Melokal;
using LocalProducts.Web.Pages.Admin.Melokal.Final;

namespace LocalProducts.UnitTests.Pages.Admin.Melokal.Final;

public sealed class AnnouncementDraftTests
{
    private static readonly InfluencerRound _round = new()
    {
        Slug = "jakarta-januari",
        Title = "Melokal Jakarta, Januari",
        WindowStartsOn = new DateOnly(2026, 1, 10),
    };

    private static RoundResult Row(int entryId, int? rank, string name, string? prize, long? value) => new()
    {
        RoundId = 1,
        EntryId = entryId,
        Rank = rank,
        Name = name,
        Handles = $"@{name.ToLowerInvariant()} (Instagram)",
        Prize = prize,
        PrizeValueRupiah = value,
    };

    [Fact]
    public void Body_ListsWinnersByRank_WithPrizeValueAndTheLeaderboardLink()
    {
        var body = AnnouncementDraft.Body(_round,
        [
            Row(3, 2, "Bima", "Paket kopi", 0),
            Row(1, 1, "Ayu", "Voucher", 1_500_000),
            Row(2, 3, "Citra", null, null),
            Row(4, null, "Dedi", null, null),
        ], "/kampanye/melokal-2026/peringkat/jakarta-januari");

        Assert.Contains("10 Januari 2026 sampai 16 Januari 2026", body, StringComparison.Ordinal);
        var ayu = body.IndexOf("1. **Ayu**, @ayu (Instagram): Voucher (Rp 1.500.000)", StringComparison.Ordinal);
        var bima = body.IndexOf("2. **Bima**, @bima (Instagram): Paket kopi", StringComparison.Ordinal);
        Assert.True(ayu >= 0 && bima > ayu, body);
        Assert.DoesNotContain("Citra", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Paket kopi (Rp", body, StringComparison.Ordinal);
        Assert.Contains("[Lihat peringkat lengkap](/kampanye/melokal-2026/peringkat/jakarta-januari)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_KeepsMarkdownInNamesAsText()
    {
        var body = AnnouncementDraft.Body(_round, [Row(1, 1, "Ayu *[klik](http://x)*", "Voucher", 0)], "/p");

        Assert.Contains(@"**Ayu \*\[klik\](http://x)\***", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_WithoutPrizes_SaysSo()
    {
        var body = AnnouncementDraft.Body(_round, [Row(1, 1, "Ayu", null, null)], "/p");

        Assert.Contains("tidak memiliki pemenang berhadiah", body, StringComparison.Ordinal);
    }
}
