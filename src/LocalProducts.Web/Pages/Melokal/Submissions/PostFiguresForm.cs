using System.ComponentModel.DataAnnotations;

namespace LocalProducts.Web.Pages.Melokal.Submissions;

/// A post and its figures at one moment, as typed by the influencer (their page) or by staff.
/// Everything is text so that <see cref="RecordPostCommand"/> gives its own message for "seribu",
/// "-5" or a date it cannot read. A figure left empty is one the platform hides: missing, not 0.
/// Bind it as <c>Input</c>: the command's messages name the fields "Input.Url" and so on.
public sealed class PostFiguresForm
{
    /// "Instagram", "TikTok"…; <see cref="Domain.Melokal.SocialPlatforms.TryParse"/> reads it.
    [Display(Name = "Platform")]
    public string? Platform { get; set; }

    [Display(Name = "Alamat unggahan")]
    public string? Url { get; set; }

    /// WIB, as a datetime-local field sends it.
    [Display(Name = "Waktu unggah (WIB)")]
    public string? PostedAt { get; set; }

    /// WIB; empty means now.
    [Display(Name = "Waktu data diambil (WIB)")]
    public string? TakenAt { get; set; }

    /// One of the round's products, when the post is about one.
    [Display(Name = "Produk")]
    public int? ProductId { get; set; }

    [Display(Name = "Pengikut")]
    public string? Followers { get; set; }

    [Display(Name = "Suka")]
    public string? Likes { get; set; }

    [Display(Name = "Komentar")]
    public string? Comments { get; set; }

    [Display(Name = "Dibagikan")]
    public string? Shares { get; set; }

    [Display(Name = "Disimpan")]
    public string? Saves { get; set; }

    [Display(Name = "Ditonton")]
    public string? Views { get; set; }
}
