using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Newsroom;

/// The post editor's form: the text and the choices; the move ("aksi") comes with it.
public sealed class PostForm
{
    public uint Version { get; set; }

    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(Post.TitleMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Judul")]
    public string Title { get; set; } = "";

    [StringLength(Post.LeadMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Teras berita (lead)")]
    public string? Lead { get; set; }

    /// For English pages, which show the Indonesian title and lead without them; the body stays
    /// Indonesian.
    [StringLength(Post.TitleMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Judul dalam bahasa Inggris")]
    public string? EnglishTitle { get; set; }

    [StringLength(Post.LeadMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Teras dalam bahasa Inggris")]
    public string? EnglishLead { get; set; }

    [Required(ErrorMessage = "Tulis isi beritanya.")]
    [StringLength(Post.BodyMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Isi (Markdown)")]
    public string Body { get; set; } = "";

    [StringLength(100, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kota (dateline)")]
    public string? DatelineCity { get; set; }

    /// The stored hero photo's address; a new upload replaces it.
    [StringLength(500, ErrorMessage = "{0} paling banyak {1} karakter.")]
    public string? HeroImagePath { get; set; }

    /// A new hero photo (JPEG, PNG or WebP up to 5 MB, checked by ImageStore).
    public IFormFile? HeroPhoto { get; set; }

    [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Keterangan foto")]
    public string? HeroCaption { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kredit foto")]
    public string? HeroCredit { get; set; }

    [Display(Name = "Penulis")]
    public Guid? AuthorId { get; set; }

    [Display(Name = "Editor (Red:)")]
    public Guid? EditorId { get; set; }

    [StringLength(600, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Tag (pisahkan dengan koma)")]
    public string? Tags { get; set; }

    [Display(Name = "Kampanye")]
    public int? CampaignId { get; set; }

    [Display(Name = "Baca juga 1")]
    public int? Related1 { get; set; }

    [Display(Name = "Baca juga 2")]
    public int? Related2 { get; set; }

    [Display(Name = "Baca juga 3")]
    public int? Related3 { get; set; }

    [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Alamat (slug)")]
    public string? Slug { get; set; }

    [Display(Name = "Terbit pada (WIB)")]
    public DateTime? PublishAt { get; set; }

    public static PostForm From(PostEditorView post) => new()
    {
        Version = post.Version,
        Title = post.Title,
        Lead = post.Lead,
        EnglishTitle = post.EnglishTitle,
        EnglishLead = post.EnglishLead,
        Body = post.Body,
        DatelineCity = post.DatelineCity,
        HeroImagePath = post.HeroImagePath,
        HeroCaption = post.HeroCaption,
        HeroCredit = post.HeroCredit,
        AuthorId = post.AuthorId,
        EditorId = post.EditorId,
        Tags = string.Join(", ", post.Tags),
        CampaignId = post.CampaignId,
        Related1 = post.RelatedPostIds.ElementAtOrDefault(0) is var r1 and > 0 ? r1 : null,
        Related2 = post.RelatedPostIds.ElementAtOrDefault(1) is var r2 and > 0 ? r2 : null,
        Related3 = post.RelatedPostIds.ElementAtOrDefault(2) is var r3 and > 0 ? r3 : null,
        Slug = post.Slug,
        PublishAt = post.ScheduledFor is { } at ? Wib.ToWib(at).DateTime : null,
    };
}
