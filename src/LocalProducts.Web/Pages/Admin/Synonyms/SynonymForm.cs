using System.ComponentModel.DataAnnotations;
using LocalProducts.Web.Domain.Search;

namespace LocalProducts.Web.Pages.Admin.Synonyms;

/// The add and edit form of a synonym pair. The words are normalized by the command.
public sealed class SynonymForm
{
    public uint Version { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kata pertama (yang dicari)")]
    public string? Word { get; set; }

    [StringLength(200, ErrorMessage = "{0} paling banyak {1} karakter.")]
    [Display(Name = "Kata kedua (juga ditemukan)")]
    public string? SameAs { get; set; }

    [Display(Name = "Jenis")]
    public SynonymKind Kind { get; set; } = SynonymKind.SameMeaning;

    [Display(Name = "Arah")]
    public bool BothWays { get; set; } = true;

    public static SynonymForm From(SearchSynonym synonym) => new()
    {
        Version = synonym.Version,
        Word = synonym.Word,
        SameAs = synonym.SameAs,
        Kind = synonym.Kind,
        BothWays = synonym.BothWays,
    };
}
