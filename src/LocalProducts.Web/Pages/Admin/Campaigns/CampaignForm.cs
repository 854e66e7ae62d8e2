using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Admin.Campaigns;

/// The campaign editor's form, with the searches that find products and makers to feature.
public sealed class CampaignForm
{
    public uint Version { get; set; }

    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Nama kampanye")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(Campaign.HashtagMaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Tagar")]
    public string Hashtag { get; set; } = "";

    [StringLength(Domain.Slug.MaxLength, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Alamat (slug)")]
    public string? Slug { get; set; }

    [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Slogan")]
    public string? Tagline { get; set; }

    /// For English pages; without it they show the Indonesian name.
    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Nama kampanye dalam bahasa Inggris")]
    public string? EnglishName { get; set; }

    [StringLength(300, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Slogan dalam bahasa Inggris")]
    public string? EnglishTagline { get; set; }

    [StringLength(20_000, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Cerita kampanye (Markdown)")]
    public string? Description { get; set; }

    /// The stored banner's address; a new upload replaces it.
    [StringLength(500, ErrorMessage = "{0} paling banyak {1} karakter.")]
    public string? BannerPath { get; set; }

    /// A new banner (JPEG, PNG or WebP up to 5 MB, checked by ImageStore).
    public IFormFile? Banner { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kredit spanduk")]
    public string? BannerCredit { get; set; }

    [Display(Name = "Mulai")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Selesai (kosongkan bila tanpa batas)")]
    public DateOnly? EndsOn { get; set; }

    public int[] CategoryIds { get; set; } = [];

    public int[] ProductIds { get; set; } = [];

    public int[] IkmIds { get; set; } = [];

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Cari produk (nama atau alamat)")]
    public string? ProductSearch { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Cari IKM (nama atau alamat)")]
    public string? IkmSearch { get; set; }

    public static CampaignForm From(CampaignEditorView c) => new()
    {
        Version = c.Version,
        Name = c.Name,
        Hashtag = c.Hashtag,
        Slug = c.Slug,
        Tagline = c.Tagline,
        EnglishName = c.EnglishName,
        EnglishTagline = c.EnglishTagline,
        Description = c.Description,
        BannerPath = c.BannerPath,
        BannerCredit = c.BannerCredit,
        StartsOn = c.StartsOn,
        EndsOn = c.EndsOn,
        CategoryIds = c.CategoryIds,
        ProductIds = c.ProductIds,
        IkmIds = c.IkmIds,
    };
}
