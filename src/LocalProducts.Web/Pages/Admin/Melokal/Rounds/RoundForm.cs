using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Melokal;

namespace LocalProducts.Web.Pages.Admin.Melokal.Rounds;

/// The round editor's form. Numbers that people type with Indonesian marks (the jump share "10,5",
/// prize values "Rp 1.500.000") are text here and read by the command.
public sealed class RoundForm
{
    public const int PrizeRows = 5;

    public uint Version { get; set; }

    [Display(Name = "Kampanye")]
    public int? CampaignId { get; set; }

    [Display(Name = "Acara (ngobrol santai)")]
    public int? EventId { get; set; }

    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(InfluencerRound.TitleMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Judul putaran")]
    public string Title { get; set; } = "";

    [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Alamat (slug)")]
    public string? Slug { get; set; }

    [Display(Name = "Hari pertama dipantau")]
    public DateOnly? WindowStartsOn { get; set; }

    [Display(Name = "Jumlah hari dipantau")]
    public int? WindowDays { get; set; } = InfluencerRound.DefaultWindowDays;

    /// Empty unless ticked: a form that posts none binds none (a new form starts with all ticked).
    public SocialPlatform[] Platforms { get; set; } = [];

    [Display(Name = "Nilai video menurut jumlah tayangan")]
    public bool ScoreVideoByViews { get; set; }

    [Display(Name = "Minimal kiriman agar masuk peringkat")]
    public int? MinimumPosts { get; set; } = InfluencerRound.DefaultMinimumPosts;

    [StringLength(10, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Lonjakan pengikut dalam masa pantau (%)")]
    public string? FollowerJumpPercent { get; set; } = "10";

    [Display(Name = "Lonjakan pengikut per hari")]
    public int? FollowerJumpPerDay { get; set; } = InfluencerRound.DefaultFollowerJumpPerDay;

    public int[] ProductIds { get; set; } = [];

    [StringLength(4000, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Produk lain (alamat produk)")]
    public string? MoreProducts { get; set; }

    public int[] CategoryIds { get; set; } = [];

    public List<PrizeRow> Prizes { get; set; } = [];

    [StringLength(InfluencerRound.RulesMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Aturan (Markdown)")]
    public string? Rules { get; set; }

    /// Always <see cref="PrizeRows"/> rows to fill, the saved ones first.
    public void PadPrizes()
    {
        while (Prizes.Count < PrizeRows)
        {
            Prizes.Add(new PrizeRow());
        }
    }
}

/// One prize row as typed; an empty row is no prize.
public sealed class PrizeRow
{
    [Display(Name = "Peringkat")]
    public int? Rank { get; set; }

    [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Hadiah")]
    public string? Description { get; set; }

    [StringLength(30, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Nilai (rupiah)")]
    public string? Value { get; set; }

    public bool IsEmpty => Rank is null && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Value);
}
