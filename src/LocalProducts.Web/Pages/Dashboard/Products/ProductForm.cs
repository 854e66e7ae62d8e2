using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Dashboard.Products;

/// One certificate in the product form: one per kind; an empty number means none.
public sealed class CertificationInput
{
    public CertificationKind Kind { get; set; }

    [StringLength(100, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Nomor sertifikat")]
    public string? Number { get; set; }

    [Display(Name = "Tanggal terbit")]
    public DateOnly? IssuedOn { get; set; }

    [Display(Name = "Berlaku sampai")]
    public DateOnly? ExpiresOn { get; set; }

    /// Text, parsed by <see cref="PercentText"/>: "45,5" and "45.5" both mean 45.5 %.
    [StringLength(10)]
    [Display(Name = "TKDN (%)")]
    public string? TkdnPercent { get; set; }

    [StringLength(10)]
    [Display(Name = "BMP (%)")]
    public string? BmpPercent { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Number) && IssuedOn is null && ExpiresOn is null
        && string.IsNullOrWhiteSpace(TkdnPercent) && string.IsNullOrWhiteSpace(BmpPercent);
}

/// One marketplace link in the product form: one per platform; empty means none.
public sealed class LinkInput
{
    public Marketplace Platform { get; set; }

    [StringLength(500, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Tautan")]
    public string? Url { get; set; }
}

/// The product form: what an owner may set. IKM, slug and state are never in it.
public sealed class ProductForm
{
    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Nama produk")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Pilih {0}.")]
    [Display(Name = "Kategori")]
    public int? CategoryId { get; set; }

    [StringLength(20_000, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Deskripsi")]
    public string? Description { get; set; }

    /// Text, parsed by <see cref="PriceText"/>: "25.000" and "25000" are both accepted.
    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(30)]
    [Display(Name = "Harga")]
    public string? PriceMin { get; set; }

    [StringLength(30)]
    [Display(Name = "Harga tertinggi")]
    public string? PriceMax { get; set; }

    [StringLength(50, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Satuan")]
    public string? Unit { get; set; }

    [Range(1, 1_000_000, ErrorMessage = "{0} harus antara {1} dan {2}.")]
    [Display(Name = "Minimal pembelian")]
    public int? MinOrder { get; set; } = 1;

    public List<CertificationInput> Certifications { get; set; } = [];

    public List<LinkInput> Links { get; set; } = [];

    public uint Version { get; set; }

    /// Exactly one row per certificate kind and per marketplace, in order, whatever was posted:
    /// a tampered form cannot add duplicates or unknown kinds.
    public ProductForm Normalize()
    {
        Certifications = [.. Enum.GetValues<CertificationKind>()
            .Select(kind => Certifications.FirstOrDefault(c => c.Kind == kind) ?? new CertificationInput { Kind = kind })];
        Links = [.. Marketplaces.Shops
            .Select(platform => Links.FirstOrDefault(l => l.Platform == platform) ?? new LinkInput { Platform = platform })];
        return this;
    }
}
