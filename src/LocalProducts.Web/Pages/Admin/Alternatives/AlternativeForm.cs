using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Alternatives;

namespace LocalProducts.Web.Pages.Admin.Alternatives;

/// The add and edit form of a local alternative. The command normalizes and checks it.
public sealed class AlternativeForm
{
    public uint Version { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Merek atau kata produk")]
    public string? Term { get; set; }

    [Display(Name = "Jenis")]
    public AlternativeTermKind Kind { get; set; } = AlternativeTermKind.Brand;

    [StringLength(400, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Ejaan lain")]
    public string? OtherSpellings { get; set; }

    [Display(Name = "Kategori")]
    public List<string> Categories { get; set; } = [];

    [StringLength(400, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kata pencarian")]
    public string? SearchWords { get; set; }

    [StringLength(600, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Alasan")]
    public string? Reason { get; set; }

    public static AlternativeForm From(LocalAlternative alternative) => new()
    {
        Version = alternative.Version,
        Term = alternative.Term,
        Kind = alternative.Kind,
        OtherSpellings = alternative.OtherSpellings,
        Categories = [.. alternative.Categories.Select(c => c.Slug)],
        SearchWords = alternative.SearchWords,
        Reason = alternative.Reason,
    };
}
