using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain;

namespace LocalProducts.Web.Pages.Dashboard.Business;

/// The business form: what an owner may set. Owner, state and slug are never in it.
public sealed class BusinessForm
{
    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Nama usaha")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Isi {0}.")]
    [StringLength(30, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "NIB")]
    public string Nib { get; set; } = "";

    [Required(ErrorMessage = "Pilih {0}.")]
    [Display(Name = "Skala usaha")]
    public IkmScale? Scale { get; set; }

    [Required(ErrorMessage = "Isi {0}.")]
    [RegularExpression("^[0-9]{5}$", ErrorMessage = "KBLI terdiri dari 5 angka.")]
    [Display(Name = "KBLI")]
    public string Kbli { get; set; } = "";

    [Required(ErrorMessage = "Pilih {0}.")]
    [StringLength(2)]
    [Display(Name = "Provinsi")]
    public string? ProvinceCode { get; set; }

    [Required(ErrorMessage = "Pilih {0}.")]
    [StringLength(5)]
    [Display(Name = "Kabupaten/kota")]
    public string? RegencyCode { get; set; }

    [StringLength(8)]
    [Display(Name = "Kecamatan")]
    public string? DistrictCode { get; set; }

    [StringLength(500, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Alamat")]
    public string? Address { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Sentra")]
    public string? Sentra { get; set; }

    [Range(1900, 2100, ErrorMessage = "{0} harus antara {1} dan {2}.")]
    [Display(Name = "Tahun berdiri")]
    public int? FoundedYear { get; set; }

    [StringLength(10_000, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Cerita usaha")]
    public string? Story { get; set; }

    [StringLength(30, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Nomor WhatsApp")]
    public string? WhatsApp { get; set; }

    [EmailAddress(ErrorMessage = "{0} tidak valid.")]
    [StringLength(256, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "E-mail usaha")]
    public string? Email { get; set; }

    [StringLength(500, ErrorMessage = "{0} paling panjang {1} karakter.")]
    [Display(Name = "Situs web")]
    public string? Website { get; set; }

    /// The row version the form was filled from (0 for a new IKM).
    public uint Version { get; set; }
}
